export function Preview({ text }) {
  return <div className="preview" />;
}

export async function renderPreview(text) {
  const { marked } = await import('marked');
  const html = await marked.parse(text);
  return <article dangerouslySetInnerHTML={{ __html: html }} />;
}
