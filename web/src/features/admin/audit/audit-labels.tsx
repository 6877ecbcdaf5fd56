import { CodeLabel } from '../../../components/code-label';

export function AuditEntityLabel({ code }: { code: string }) {
  return <CodeLabel group="audit.entities" code={code} />;
}

export function AuditActionLabel({ code }: { code: string }) {
  return <CodeLabel group="audit.actions" code={code} />;
}
