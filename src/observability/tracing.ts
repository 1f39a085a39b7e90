/** The OpenTelemetry SDK, loaded only when an OTLP endpoint is configured. */
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { endpointLabel } from './upstream-metrics.js';

/**
 * The OpenTelemetry SDK. main.ts imports this module only when an OTLP endpoint is configured:
 * without one, no SDK is loaded and the app installs no tracing plugin.
 */
export interface TracingOptions {
  readonly serviceName: string;
  /** Where spans go; the OTLP/HTTP protobuf exporter (configured by the standard OTEL_* variables) when absent. */
  readonly exporter?: SpanExporter;
  /** Export each span as it ends (tests) rather than in batches. */
  readonly immediate?: boolean;
}

export interface Tracing {
  readonly tracer: Tracer;
  /** Flushes pending spans and unregisters everything this installed. */
  shutdown(): Promise<void>;
}

export function startTracing(options: TracingOptions): Tracing {
  const exporter = options.exporter ?? new OTLPTraceExporter();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [options.immediate ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // Global context manager (AsyncLocalStorage) and W3C trace-context propagation.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new UndiciInstrumentation({
        // Only calls made for a traced operation: readiness probes would be noise.
        ignoreRequestHook: () => trace.getSpan(context.active()) === undefined,
        requestHook: (span, request) => span.setAttribute('ecgrid.endpoint', endpointLabel(request.path)),
      }),
    ],
  });
  return {
    tracer: provider.getTracer('ecgrid-graphql'),
    async shutdown() {
      unregister();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
