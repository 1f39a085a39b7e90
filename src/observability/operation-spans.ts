/** OpenTelemetry: one span per executed operation, parent of its ECGrid calls' spans. */
import { context, propagation, SpanKind, SpanStatusCode, trace, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import { operationOf } from '../graphql/operation.js';
import { clientErrorCode } from '../graphql/errors.js';

const headerGetter: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/**
 * One span per executed operation, named `query Inbox` (OpenTelemetry's GraphQL conventions),
 * continuing the caller's `traceparent`, and active while the operation runs, so the upstream
 * calls it causes become its children. No resolver spans: they would cost most of the throughput.
 * Attributes: the operation's type and name and the error codes; never the document, variables
 * or headers.
 */
export function useOperationSpans(tracer: Tracer): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = operationOf(args.document, args.operationName);
      const type = operation?.operation ?? 'query';
      const name = operation?.name?.value;
      const request = (args.contextValue as { request?: Request }).request;
      const parent = request ? propagation.extract(context.active(), request.headers, headerGetter) : context.active();
      const span = tracer.startSpan(
        name ? `${type} ${name}` : type,
        {
          kind: SpanKind.SERVER,
          attributes: { 'graphql.operation.type': type, ...(name ? { 'graphql.operation.name': name } : {}) },
        },
        parent,
      );
      const active = trace.setSpan(parent, span);
      setExecuteFn((executeArgs) => context.with(active, () => executeFn(executeArgs)));
      return {
        onExecuteDone({ result }) {
          if (!(Symbol.asyncIterator in result) && result.errors?.length) {
            const codes = [...new Set(result.errors.map((error) => clientErrorCode(error)))];
            span.setAttribute('graphql.error.codes', codes);
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
          }
          span.end();
        },
      };
    },
  };
}
