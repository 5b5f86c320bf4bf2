import { marked } from 'marked';

export function Preview({ text }) {
  return <div className="preview" />;
}

export async function renderPreview(text) {
  const html = await marked.parse(text);
  return <article dangerouslySetInnerHTML={{ __html: html }} />;
}
