import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'ra-core';
import { API_URL, type HttpClient } from './httpClient';

/**
 * REST as the API speaks it (ra-data-simple-rest conventions): `GET /api/<resource>?sort=&range=&filter=`
 * answered with a `Content-Range: <resource> 0-24/319` header, which the API exposes for CORS too.
 */
export function createDataProvider(httpClient: HttpClient, apiUrl: string = API_URL): DataProvider {
  return simpleRestProvider(apiUrl, httpClient, 'Content-Range');
}
