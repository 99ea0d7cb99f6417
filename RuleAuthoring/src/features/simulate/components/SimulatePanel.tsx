import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { versionLabel } from '../../../lib/format';
import { ApiProblem } from '../../../lib/problem';
import { buildOrderBody, formFromBody, normalizeFieldPath, parseOrderJson, sampleOrder, type FieldErrors, type OrderBody, type OrderForm } from '../api/order';
import type { RecentOrder } from '../api/recent-orders';
import { useSimulatedRuleSet, useSimulation, useVersionInForce } from '../api/simulate';
import { CompareSimulations } from './CompareSimulations';
import { OrderFields } from './OrderFields';
import { RecentOrders } from './RecentOrders';
import { loadedSentence } from './recentOrderText';
import { SimulationResult, answerLabel } from './SimulationResult';
import { ThenVsNow } from './ThenVsNow';

type Mode = 'form' | 'json' | 'recent';

const modes: { mode: Mode; label: string }[] = [
  { mode: 'form', label: 'Order form' },
  { mode: 'json', label: 'Paste order JSON' },
  { mode: 'recent', label: 'Recent orders' },
];

/** A decided order loaded from "Recent orders", and whether the planner has changed it since. */
interface Picked {
  order: RecentOrder;
  edited: boolean;
}

/** Field paths the form shows beside its inputs; other field errors stay in the notice. */
const formField = /^(segment|customer\.(id|tier|contractPriority)|shipTo\.(country|postalCode|latitude|longitude)|lines(\[\d+\](\.(sku|quantity|uom|lineId))?)?|requestedDate)$/;

/**
 * "What would happen if": tries this version (a draft too) on an order against today's inventory and
 * shows which nodes would serve it and why, optionally side by side with the version in force.
 * Nothing is reserved.
 */
export function SimulatePanel({ ruleSetId }: { ruleSetId: string }) {
  const ruleSet = useSimulatedRuleSet(ruleSetId);
  const segment = ruleSet.data?.segment;
  const inForce = useVersionInForce(segment);
  const simulation = useSimulation();
  const ids = useId();

  const [mode, setMode] = useState<Mode>('form');
  const [form, setForm] = useState<OrderForm>(sampleOrder);
  const [json, setJson] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [jsonProblems, setJsonProblems] = useState<string[]>([]);
  const [compare, setCompare] = useState(false);
  const [editedSinceRun, setEditedSinceRun] = useState(false);
  const [picked, setPicked] = useState<Picked | null>(null);
  /** The loaded order as it was when the simulation ran: what "Then vs now" compares with. */
  const [ranWith, setRanWith] = useState<Picked | null>(null);
  const loadedRef = useRef<HTMLParagraphElement>(null);
  const [focusLoaded, setFocusLoaded] = useState(false);
  /** The run in flight, to cancel it; and whether the planner cancelled the last one. */
  const abortRef = useRef<AbortController | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const elapsed = useElapsedSeconds(simulation.isPending);
  const resultsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The result usually lands below the fold: bring it into view and put focus on its first heading.
    if (!simulation.data) return;
    const results = resultsRef.current;
    if (!results) return;
    const reduce = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    results.scrollIntoView?.({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    const heading = results.querySelector<HTMLElement>('h3');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [simulation.data]);

  // Leaving the page cancels a run still in flight.
  useEffect(() => () => abortRef.current?.abort(), []);

  useEffect(() => {
    // Loading an order closes the list it was picked from: focus goes to what was loaded, not to the page.
    if (!focusLoaded) return;
    loadedRef.current?.focus();
    setFocusLoaded(false);
  }, [focusLoaded]);

  if (ruleSet.isPending) return <Loading what="the rule set" />;
  if (ruleSet.isError) return <ProblemNotice problem={ruleSet.error} />;
  const rs = ruleSet.data;
  const activeVersion = inForce.data ?? null;
  const isInForce = activeVersion?.id === rs.id;
  const canCompare = activeVersion !== null && !isInForce;

  const problem = simulation.error instanceof ApiProblem ? simulation.error : null;
  const serverFieldErrors: FieldErrors = {};
  if (problem && mode === 'form' && !editedSinceRun) {
    for (const e of problem.errors) {
      const field = normalizeFieldPath(e.field);
      if (formField.test(field)) (serverFieldErrors[field] ??= []).push(e.message);
    }
  }
  const fieldErrors = merge(clientErrors, serverFieldErrors);
  const notice = problem && mode === 'form'
    ? new ApiProblem(problem.status, { ...problem.body, errors: problem.errors.filter((e) => !formField.test(normalizeFieldPath(e.field))) })
    : simulation.error;
  const aborted = simulation.error instanceof DOMException && simulation.error.name === 'AbortError';
  /** The order changed since the result shown was decided. */
  const stale = editedSinceRun && simulation.isSuccess;

  /** The order changed: an error from the last run no longer applies (cleared); a result is marked out of date. */
  function orderChanged() {
    setEditedSinceRun(true);
    setCancelled(false);
    if (simulation.isError) simulation.reset();
  }

  function cancel() {
    abortRef.current?.abort();
    abortRef.current = null;
    simulation.reset();
    setCancelled(true);
  }

  function markEdited() {
    if (picked && !picked.edited) setPicked({ ...picked, edited: true });
  }

  function changeForm(next: OrderForm) {
    setForm(next);
    orderChanged();
    markEdited();
    if (Object.keys(clientErrors).length) setClientErrors({});
  }

  /** Changes how the order is entered; false when the pasted JSON cannot be loaded into the form. */
  function switchMode(next: Mode): boolean {
    if (next === mode) return true;
    if (next === 'json') {
      // The form as the OMS would send it, to edit or replace with a real order.
      const { body } = buildOrderBody(form, rs.segment);
      if (body) setJson(JSON.stringify(body, null, 2));
    } else if (mode === 'json' && json.trim()) {
      const { body, problems } = parseOrderJson(json, rs.segment);
      if (!body) {
        setJsonProblems(problems);
        return false;
      }
      setForm(formFromBody(body));
    }
    setJsonProblems([]);
    setClientErrors({});
    setMode(next);
    return true;
  }

  /** Arrow keys, Home and End move between the tabs (and select them), as in any tab list. */
  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const at = modes.findIndex((m) => m.mode === mode);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: modes.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = modes[(to + modes.length) % modes.length]!.mode;
    if (switchMode(next)) document.getElementById(`${ids}-tab-${next}`)?.focus();
  }

  function pick(order: RecentOrder) {
    if (!order.body) return;
    setForm(formFromBody(order.body));
    setJson('');
    setJsonProblems([]);
    setClientErrors({});
    setEditedSinceRun(false);
    abortRef.current?.abort();
    simulation.reset();
    setCancelled(false);
    setRanWith(null);
    setPicked({ order, edited: false });
    setMode('form');
    setFocusLoaded(true);
  }

  function run(event: FormEvent) {
    event.preventDefault();
    let body: OrderBody | null;
    if (mode !== 'json') {
      const built = buildOrderBody(form, rs.segment);
      setClientErrors(built.errors);
      body = built.body;
    } else {
      const parsed = parseOrderJson(json, rs.segment);
      setJsonProblems(parsed.problems);
      body = parsed.body;
    }
    setCancelled(false);
    if (!body) {
      // The check in the browser is this run's answer: nothing from an earlier run stays on screen.
      simulation.reset();
      return;
    }
    setEditedSinceRun(false);
    setRanWith(picked);
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    simulation.mutate({ body, ruleSetId: rs.id, compareWith: compare && canCompare ? activeVersion.id : null, signal: controller.signal });
  }

  const outcome = simulation.data;
  return (
    <section className="sim" aria-labelledby={`${ids}-title`}>
      <div className="sim-head">
        <h2 id={`${ids}-title`}>Simulate an order</h2>
        <p className="muted">
          Tries <span className="mono">{versionLabel(rs)}</span> of <strong>{rs.segment}</strong> on an order against today's
          inventory: which nodes would serve it and why. Nothing is reserved or logged.
          {rs.status === 'draft' && ' It runs the last saved revision of this draft: save your changes first.'}
        </p>
      </div>
      <form className="card sim-form" onSubmit={run} aria-label="Order to simulate" noValidate>
        {picked && (
          <div className="notice notice-info">
            <div className="notice-body">
              <p ref={loadedRef} tabIndex={-1}><strong>{loadedSentence(picked.order)}</strong></p>
              <p className="muted">
                {picked.edited ? 'You have edited it since. ' : ''}Run the simulation to compare where it shipped from then with where this version would ship it from now.
              </p>
            </div>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => { setPicked(null); setRanWith(null); }}>
              Forget<span className="sr-only"> order {picked.order.orderId}</span>
            </button>
          </div>
        )}
        <div className="tabs" role="tablist" aria-label="How to enter the order" onKeyDown={onTabKey}>
          {modes.map((m) => (
            <button key={m.mode} type="button" role="tab" id={`${ids}-tab-${m.mode}`} aria-selected={mode === m.mode}
              aria-controls={`${ids}-panel`} tabIndex={mode === m.mode ? 0 : -1} onClick={() => switchMode(m.mode)}>{m.label}</button>
          ))}
        </div>
        <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${mode}`}>
          {mode === 'form' ? (
            <OrderFields segment={rs.segment} form={form} onChange={changeForm} errors={fieldErrors} />
          ) : mode === 'recent' ? (
            <RecentOrders segment={rs.segment} loadedDecisionId={picked?.order.decisionId ?? null} onPick={pick} />
          ) : (
            <Field label="Order JSON" help="The body the OMS sends to POST /v1/orders/{orderId}/source: segment, customer, shipTo, lines, requestedDate."
              error={jsonProblems.length ? jsonProblems : undefined}>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} className="mono sim-json" rows={14}
                  spellCheck={false} value={json} onChange={(e) => { setJson(e.target.value); setJsonProblems([]); orderChanged(); markEdited(); }} />
              )}
            </Field>
          )}
        </div>
        {mode === 'form' && jsonProblems.length > 0 && (
          <div className="notice notice-warn" role="alert"><div className="notice-body"><strong>The pasted order could not be loaded</strong>
            <ul>{jsonProblems.map((p, i) => <li key={i}>{p}</li>)}</ul></div></div>
        )}
        <div className="toolbar sim-actions">
          <label className="sim-compare-toggle">
            <input type="checkbox" checked={compare && canCompare} disabled={!canCompare} onChange={(e) => setCompare(e.target.checked)} />
            {' '}Compare with version in force{activeVersion && !isInForce ? ` (${versionLabel(activeVersion)})` : ''}
          </label>
          {isInForce && <span className="muted">This is the version in force.</span>}
          {inForce.isSuccess && activeVersion === null && <span className="muted">Nothing is in force for {rs.segment}.</span>}
          {simulation.isPending && (
            <button type="button" className="btn" onClick={cancel}>Cancel</button>
          )}
          <button type="submit" className="btn btn-primary" disabled={simulation.isPending}>
            {simulation.isPending ? `Simulating… ${elapsed} s` : 'Run simulation'}
          </button>
        </div>
      </form>

      {simulation.isPending && <Loading what="the simulation" />}
      {cancelled && !simulation.isPending && <p className="muted" role="status">Simulation cancelled. Run it again when you are ready.</p>}
      {simulation.isError && !aborted && <ProblemNotice problem={notice} />}
      {outcome && !simulation.isPending && stale && (
        <div className="notice notice-warn" role="status">
          <div className="notice-body"><strong>Out of date: the order changed since this run — run again.</strong></div>
        </div>
      )}
      {outcome && !simulation.isPending && (
        <div className="sim-results" aria-live="polite" ref={resultsRef} style={stale ? { opacity: 0.5 } : undefined}>
          {ranWith && <ThenVsNow order={ranWith.order} now={outcome.answer} edited={ranWith.edited} />}
          {outcome.inForce === null ? (
            <SimulationResult answer={outcome.answer} title={`Result under ${answerLabel(outcome.answer)}`} />
          ) : 'answer' in outcome.inForce ? (
            <CompareSimulations draft={outcome.answer} inForce={outcome.inForce.answer} />
          ) : (
            <>
              <SimulationResult answer={outcome.answer} title={`Result under ${answerLabel(outcome.answer)}`} />
              <p className="muted">The version in force could not decide this order:</p>
              <ProblemNotice problem={outcome.inForce.error} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

function merge(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

/** Whole seconds since `running` turned true (0 when not running), ticking once a second. */
function useElapsedSeconds(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return elapsed;
}
