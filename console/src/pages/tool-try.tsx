import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useState } from 'react';
import { api, call } from '../api/client';
import type { ContentBlock, McpServer, RunResult, Tool } from '../api/types';
import { useAction } from '../hooks';
import { ErrorNote } from '../ui';

const UI: UiSchema = { 'ui:submitButtonOptions': { submitText: 'Run tool', props: { className: 'primary' } } };

/** A form generated from the tool's input schema (react-jsonschema-form); runs the tool and shows what came back. */
export function TryTool({ server, tool }: { server: McpServer; tool: Tool }) {
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [result, setResult] = useState<RunResult | null>(null);
  const run = useAction(async (args: Record<string, unknown>) => {
    setResult(null);
    setResult(
      await call<RunResult>(api.POST('/api/mcp-servers/{id}/tools/{toolId}/run', { params: { path: { id: server.id, toolId: tool.id } }, body: { args } })),
    );
  });
  const schema = { type: 'object', ...tool.inputSchema } as RJSFSchema;
  return (
    <div className="try">
      <Form
        schema={schema}
        uiSchema={UI}
        validator={validator}
        formData={formData}
        idPrefix={`args-${tool.name}`}
        showErrorList="top"
        noHtml5Validate
        disabled={run.busy}
        onChange={(e) => setFormData((e.formData ?? {}) as Record<string, unknown>)}
        onSubmit={(e) => void run.run((e.formData ?? {}) as Record<string, unknown>)}
      />
      <div aria-live="polite">
        {run.busy && <p className="muted">Running…</p>}
        <ErrorNote error={run.error} />
        {result && <ResultView r={result} />}
      </div>
    </div>
  );
}

function ResultView({ r }: { r: RunResult }) {
  return (
    <div className={`result ${r.status}`} data-testid="run-result">
      <p>
        <strong>{r.status === 'success' ? 'Success' : 'The tool reported an error'}</strong> in {r.durationMs} ms ·{' '}
        <a href={`#/executions?open=${r.id}`}>record {r.id}</a>
      </p>
      {r.content.map((c, i) => (
        <Block key={i} c={c} />
      ))}
      {r.structuredContent && (
        <details open>
          <summary>Structured content</summary>
          <pre>{JSON.stringify(r.structuredContent, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}

function Block({ c }: { c: ContentBlock }) {
  if (c.type === 'text') return <pre className="text">{c.text}</pre>;
  if (c.type === 'image' && c.data && /^image\/(png|jpeg|gif|webp)$/.test(c.mimeType ?? ''))
    return <img src={`data:${c.mimeType};base64,${c.data}`} alt="Image returned by the tool" className="result-img" />;
  if (c.type === 'audio' && c.data) return <audio controls src={`data:${c.mimeType};base64,${c.data}`} />;
  return (
    <details>
      <summary>{c.type} content</summary>
      <pre>{JSON.stringify(c, null, 2)}</pre>
    </details>
  );
}
