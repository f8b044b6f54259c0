// Saves text as a file from an extension page: a Blob and `<a download>`, so no `downloads`
// permission is needed.
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The browser has the Blob once the download starts; a little later it can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
