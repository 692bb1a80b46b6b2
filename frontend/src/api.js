// The JSON API of the same server; nothing else is ever fetched.

export class ApiError extends Error {}

export async function getJson(path, params) {
  const query = params && [...params.keys()].length ? `?${params}` : "";
  const response = await fetch(`${path}${query}`, { headers: { accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body?.error?.message ?? `${response.status} ${response.statusText}`;
    const error = new ApiError(message);
    error.status = response.status;
    throw error;
  }
  return body;
}
