import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetListParams } from 'ra-core';
import { jstDayStart, jstNextDayStart } from '../common/jst';
import { toReactAdminError } from './apiErrors';
import { API_URL, type HttpClient } from './httpClient';

/**
 * Date filters as people mean them: a date-only value of a `…From` filter is the start of that day
 * in JST, of a `…To` filter the start of the NEXT day (the API compares `< …To`), so 「3月24日まで」
 * includes the whole of 24 March in Tokyo whatever the browser's time zone. Other values pass as is.
 */
export function jstDayFilters(filter: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!filter) return filter;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && /From$/.test(key)) out[key] = jstDayStart(value) ?? value;
    else if (typeof value === 'string' && /To$/.test(key)) out[key] = jstNextDayStart(value) ?? value;
    else out[key] = value;
  }
  return out;
}

/**
 * REST as the API speaks it (ra-data-simple-rest conventions): `GET /api/<resource>?sort=&range=&filter=`
 * answered with a `Content-Range: <resource> 0-24/319` header, which the API exposes for CORS too.
 * Resource names are therefore the API's paths (`rule-sets`, `audit-logs`). Every failure is
 * re-shaped for react-admin's forms and notifications (see apiErrors.ts).
 */
export function createDataProvider(httpClient: HttpClient, apiUrl: string = API_URL): DataProvider {
  const rest = simpleRestProvider(apiUrl, httpClient, 'Content-Range');
  const withFilters = <P extends Pick<GetListParams, 'filter'>>(params: P): P => ({ ...params, filter: jstDayFilters(params.filter) });
  const provider: DataProvider = {
    ...rest,
    getList: (resource, params) => rest.getList(resource, withFilters(params)),
    getManyReference: (resource, params) => rest.getManyReference(resource, withFilters(params)),
  };
  return new Proxy(provider, {
    get(target, name, receiver) {
      const method = Reflect.get(target, name, receiver);
      if (typeof method !== 'function') return method;
      return (...args: unknown[]) => {
        try {
          const result = method.apply(target, args);
          return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(toReactAdminError(error))) : result;
        } catch (error) {
          throw toReactAdminError(error);
        }
      };
    },
  });
}
