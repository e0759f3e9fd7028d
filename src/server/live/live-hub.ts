/**
 * What the server knows of continuous ingest: the sources' last status and the event bus their events go to. The
 * ingest job (src/app/live) runs elsewhere (a worker thread) and reaches the hub only through its messages.
 */
import type { JobMessage } from '../../app/live/ingest-job.js';
import type { SourceStatus } from '../../app/live/live-ingest.js';
import { EventBus } from './event-bus.js';

export interface IngestStatusReport {
  /** false: serve runs without --watch or --capture. */
  enabled: boolean;
  /** The job failed as a whole (the database could not be opened …); its sources then stop. */
  error: string | null;
  sources: SourceStatus[];
}

export class LiveHub {
  private sources: SourceStatus[] = [];
  private error: string | null = null;
  enabled = false;

  constructor(readonly bus: EventBus = new EventBus()) {}

  /** A message from the ingest job. */
  handle(m: JobMessage): void {
    switch (m.type) {
      case 'status':
        this.sources = m.sources;
        break;
      case 'events':
        for (const e of m.events) this.bus.publish(e);
        break;
      case 'fatal':
        this.error = m.message;
        break;
      case 'stopped':
        break;
    }
  }

  status(): IngestStatusReport {
    return { enabled: this.enabled, error: this.error, sources: this.sources };
  }
}
