import { marked } from 'marked';

interface Props {
  text: string;
}

export async function Preview({ text }: Props) {
  const html = await marked.parse(text);
  return <article dangerouslySetInnerHTML={{ __html: html }} />;
}
