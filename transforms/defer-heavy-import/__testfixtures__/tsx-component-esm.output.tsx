interface Props {
  text: string;
}

export async function Preview({ text }: Props) {
  const { marked } = await import('marked');
  const html = await marked.parse(text);
  return <article dangerouslySetInnerHTML={{ __html: html }} />;
}
