/** An error from the service (RFC 9457 problem details) or from the network, in one shape the screens can show. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  /** The raw body, for screens that read extensions (e.g. a rule set's `problems`). */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const title = typeof body.title === 'string' ? body.title : `Request failed (${status})`;
    const detail = typeof body.detail === 'string' ? body.detail : '';
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : `http_${status}`;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? (body.errors as unknown[]).filter(isFieldProblem) : [];
    this.body = body;
  }

  static timeout(ms: number): ApiProblem {
    return new ApiProblem(0, {
      code: 'timeout',
      title: 'The service did not answer',
      detail: `No answer within ${Math.round(ms / 1000)} seconds. Nothing was lost: try again in a moment.`,
    });
  }

  static network(cause: unknown): ApiProblem {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new ApiProblem(0, {
      code: 'network_error',
      title: 'The service could not be reached',
      detail: `Check your connection and that the service is running (${reason}).`,
    });
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && typeof (value as FieldProblem).field === 'string';
}

/** Words for the statuses a planner meets, used when the service sent no title of its own. */
export function describeStatus(status: number): string {
  switch (status) {
    case 401: return 'Your API key is not accepted (unknown, revoked or missing). Sign in again.';
    case 403: return 'Your role may not do this. Ask a planner, or an administrator for a key with that role.';
    case 404: return 'It no longer exists.';
    case 409: return 'It changed state meanwhile.';
    case 412: return 'Someone else saved a newer revision.';
    default: return status >= 500 ? 'The service failed; try again in a moment.' : 'The request was refused.';
  }
}
