import { ClientMetadataDocuments } from './client-metadata-documents.js';

describe('ClientMetadataDocuments.isDocumentUrl', () => {
  const strict = new ClientMetadataDocuments(fetch, false);
  const loose = new ClientMetadataDocuments(fetch, true);

  it('takes https URLs with a path', () => {
    expect(strict.isDocumentUrl('https://app.example/oauth/client.json')).toBe(true);
  });

  it('refuses non-URLs, root paths, fragments, credentials and dot segments', () => {
    for (const id of ['abc', 'https://app.example/', 'https://app.example/c.json#x', 'https://u:p@app.example/c.json', 'https://app.example/a/../c.json', 'ftp://app.example/c.json']) {
      expect({ id, ok: strict.isDocumentUrl(id) }).toEqual({ id, ok: false });
    }
  });

  it('takes http only on loopback, and only when private networks are allowed', () => {
    expect(strict.isDocumentUrl('http://localhost:3000/client.json')).toBe(false);
    expect(loose.isDocumentUrl('http://localhost:3000/client.json')).toBe(true);
    expect(loose.isDocumentUrl('http://app.example/client.json')).toBe(false);
  });
});
