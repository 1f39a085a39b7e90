/**
 * The node:http listener in front of the yoga app. A plain JSON POST of one operation to the
 * GraphQL endpoint, the request of every API client, is answered here through yoga's own envelop
 * pipeline (parse and validation caches, limits, error masking, jit, metrics, logs); everything
 * else (GraphiQL, GET, batches, other media types, CORS, chunked or large bodies, odd parameters)
 * goes to yoga's request path unchanged.
 *
 * Why: yoga's HTTP layer (the Fetch API request and response built around node's, and its hook
 * chains) was a large share of a small query's CPU (bench/README.md, item 12).
 * test/http/fast-path.test.ts sends the same requests both ways and compares status, media
 * type, body and log line.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { createGraphQLError, isPromise, type Plugin, processRegularResult } from 'graphql-yoga';
import { operationOf } from '../graphql/operation.js';
import { type AnyApp, fastPathMedia, isPlain, type Params, paramsOf, send, waitUntil, yogaAnswer } from './fast-path-request.js';

export interface FastPathOptions {
  /**
   * The plugins given to createYoga, in order. Their HTTP hooks (onRequest, onRequestParse,
   * onParams, onExecutionResult, onResultProcess, onResponse) run here as in yoga. A hook that
   * would swap yoga's machinery (request parser, params handler, result processor) is a bug here.
   */
  readonly plugins: readonly object[];
  /** The same function yoga masks errors with. */
  readonly maskError: (error: unknown) => Error;
  readonly maxBodyBytes: number;
  readonly endpoint?: string;
}


// Payloads are built to yoga's shapes below; the hooks are called through this loose type.
type Hook = (payload: never) => unknown;

const unsupported = (what: string) => () => {
  throw new Error(`the GraphQL fast path cannot ${what}: take such requests through yoga`);
};
const setRequestHandler = unsupported('replace the request handler');
const setRequestParser = unsupported('replace the request parser');
const setParamsHandler = unsupported('replace the params handler');
const setResultProcessor = unsupported('replace the result processor');

export function createRequestListener(app: AnyApp, options: FastPathOptions): RequestListener {
  // Yoga wraps its whole request path in plugins' instrumentation: such an app has no fast path.
  if ((options.plugins as Plugin[]).some((plugin) => plugin.instrumentation)) return app;
  const endpoint = options.endpoint ?? '/graphql';
  const { fetchAPI } = app;
  const url = new URL(`http://localhost${endpoint}`);
  const hooks = (name: keyof Plugin): Hook[] =>
    (options.plugins as Plugin[]).flatMap((plugin) => (plugin[name] ? [(plugin[name] as Hook).bind(plugin)] : []));
  const onRequest = hooks('onRequest');
  const onRequestParse = hooks('onRequestParse');
  const onParams = hooks('onParams');
  const onExecutionResult = hooks('onExecutionResult');
  const onResultProcess = hooks('onResultProcess');
  const onResponse = hooks('onResponse');

  /** Yoga's handleError with masking on, for what the pipeline throws (syntax errors, limits). */
  const errorsOf = (error: unknown): GraphQLError[] => {
    if (error instanceof AggregateError) return error.errors.flatMap(errorsOf);
    const masked = options.maskError(error);
    if (masked !== error) app.logger.error(error);
    return [masked instanceof GraphQLError ? masked : createGraphQLError(masked.message, { originalError: masked })];
  };

  const execute = async (params: Params, context: Record<string, unknown>): Promise<ExecutionResult> => {
    try {
      const enveloped = app.getEnveloped(context);
      const document = enveloped.parse(params.query);
      const errors = enveloped.validate(enveloped.schema, document);
      if (errors.length > 0) return { errors };
      let contextValue = enveloped.contextFactory();
      if (isPromise(contextValue)) contextValue = await contextValue;
      const operation = operationOf(document, params.operationName);
      const run = operation?.operation === 'subscription' ? enveloped.subscribe : enveloped.execute;
      const result = run({
        schema: enveloped.schema,
        document,
        contextValue,
        variableValues: params.variables,
        operationName: params.operationName,
      });
      return (isPromise(result) ? await result : result) as ExecutionResult;
    } catch (error) {
      return { errors: errorsOf(error) };
    }
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, body: string, media: string) => {
    let params = paramsOf(body);
    if (params === undefined) return yogaAnswer(app, req, res, body);
    const request = new fetchAPI.Request(`http://${req.headers.host ?? 'localhost'}${endpoint}`, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
    });
    const serverContext = { req, res, waitUntil };
    let early: Response | undefined;
    const endResponse = (response: Response) => {
      early = response;
    };
    // Read through a function: hooks set it, which the compiler's narrowing cannot see.
    const earlyResponse = (): Response | undefined => early;
    const ended = () => early !== undefined;
    // One payload for all hooks of a kind where they only read it and act through its functions.
    const requestPayload = { request, url, serverContext, fetchAPI, requestHandler: app.handle, setRequestHandler, endResponse };
    let step = callHooks(onRequest, () => requestPayload, ended);
    if (step) await step;
    let stop = earlyResponse();
    if (stop) return send(res, stop, await stop.text());
    const parseDone: ((payload: unknown) => unknown)[] = [];
    const parsePayload = { request, url, serverContext, fetchAPI, requestParser: undefined, setRequestParser, endResponse };
    step = callHooks(onRequestParse, () => parsePayload, (returned) => {
      const done = (returned as { onRequestParseDone?: (payload: unknown) => unknown } | undefined)?.onRequestParseDone;
      if (done) parseDone.push(done);
      return ended();
    });
    if (step) await step;
    stop = earlyResponse();
    if (stop) return send(res, stop, await stop.text());
    const setRequestParserResult = (newParams: Params) => {
      params = newParams;
    };
    step = callHooks(parseDone, () => ({ requestParserResult: params, setRequestParserResult }));
    if (step) await step;

    const context: Record<string, unknown> = { ...serverContext, request, params };
    let result: ExecutionResult | undefined;
    const setResult = (newResult: ExecutionResult) => {
      result = newResult;
    };
    const setParams = (newParams: Params) => {
      params = newParams;
      context['params'] = newParams;
    };
    step = callHooks(onParams, () => ({ params, request, context, fetchAPI, setParams, paramsHandler: undefined, setParamsHandler, setResult }));
    if (step) await step;
    result ??= await execute(params!, context);
    // Made per hook: each sees the result as the hooks before it left it.
    step = callHooks(onExecutionResult, () => ({ result, request, context, setResult }));
    if (step) await step;
    step = callHooks(onResultProcess, () => ({
      request,
      result,
      serverContext,
      acceptableMediaTypes: [],
      setResult,
      resultProcessor: undefined,
      setResultProcessor,
    }));
    if (step) await step;

    // A result without errors is the common case: its text is made here. Errors decide the status
    // (and may carry headers), so those go through yoga's own result processor.
    let response: Response;
    let text: string;
    if (isPlain(result)) {
      text = (result as { stringify?: (r: unknown) => string }).stringify?.(result) ?? JSON.stringify(result);
      response = new fetchAPI.Response(null, { status: 200, headers: { 'Content-Type': `${media}; charset=utf-8` } });
    } else {
      response = await processRegularResult(result, fetchAPI, media);
      text = await response.text();
    }
    let replaced: Response | undefined;
    const responsePayload = {
      request,
      response,
      serverContext,
      fetchAPI,
      setResponse: (newResponse: Response) => {
        replaced = newResponse;
        responsePayload.response = newResponse;
      },
    };
    step = callHooks(onResponse, () => responsePayload);
    if (step) await step;
    if (replaced) send(res, replaced, await replaced.text());
    else send(res, response, text);
  };

  return (req, res) => {
    const media = fastPathMedia(req, endpoint, options.maxBodyBytes);
    if (media === undefined) {
      void app(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      answer(req, res, body, media).catch((error: unknown) => {
        app.logger.error(error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"errors":[{"message":"Unexpected error."}]}');
      });
    });
  };
}

/**
 * Calls the hooks in order, each with `payloadOf()`, and waits only for those that return a
 * promise (awaiting a value that is not one still costs a turn of the microtask queue). `after` sees what each hook returned, and stops the rest by answering true.
 */
function callHooks(hooks: readonly Hook[], payloadOf: () => object, after?: (returned: unknown) => boolean): void | Promise<void> {
  for (let index = 0; index < hooks.length; index += 1) {
    const returned = hooks[index]!(payloadOf() as never);
    if (isPromise(returned)) {
      return Promise.resolve(returned).then((settled) => (after?.(settled) ? undefined : callHooks(hooks.slice(index + 1), payloadOf, after)));
    }
    if (after?.(returned)) return;
  }
}
