// The frame every source's section shares: heading, `data-section`/`data-state` (DESIGN.md
// contract), and the plain words for loading, error, disabled and empty. The caller renders
// the `ok` content as children.
import type { ComponentChildren } from 'preact';
import type { Section } from '@/utils/history/history-report';

export interface SourceSectionProps {
  name: string;
  title: string;
  /** `null` while the source has not answered. */
  section: Section<unknown> | null;
  loadingText: string;
  emptyText: string;
  children?: ComponentChildren;
}

export function SourceSection({
  name,
  title,
  section,
  loadingText,
  emptyText,
  children,
}: SourceSectionProps) {
  const state = section?.state ?? 'loading';
  return (
    <section
      class="section"
      data-section={name}
      data-state={state}
      aria-labelledby={`${name}-heading`}
      aria-busy={state === 'loading'}
    >
      <h3 id={`${name}-heading`}>{title}</h3>
      {!section && <p class="status">{loadingText}</p>}
      {section?.state === 'error' && <p class="status status-error">{section.error.message}</p>}
      {section?.state === 'disabled' && <p class="meta">{section.message}</p>}
      {section?.state === 'empty' && <p class="meta">{emptyText}</p>}
      {children}
    </section>
  );
}
