import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { validateAgreement, type Agreement, type ValidationIssue } from '@kwadrant/domain/agreements';
import { ApiProblem } from '@kwadrant/ui';
import { unwrap, useInsurerApi } from '../api/client';
import type { AgreementDetail, AgreementDiff, AgreementDocument, AgreementDraft } from '../api/types';
import { useCatalogueStore } from './catalogue';

type Line = AgreementDocument['lines'][number];
type Clause = AgreementDocument['clauses'][number];
type Status = AgreementDetail['status'];

/** A new, empty draft led by the given insurer (UZOVI code) for an organisation in a quadrant. */
export function emptyDraft(
  insurer: string,
  organisationId = '',
  quadrant: 'Q1' | 'Q2' | 'Q3' | 'Q4' = 'Q1',
): AgreementDraft {
  return {
    insurer,
    organisation: { id: organisationId, quadrant },
    period: { start: '2027-Q1', end: '2027-Q4' },
    atRiskShare: 0.1,
    lines: [],
    clauses: [],
    bonusMalus: [],
    coInsurers: [],
  };
}

/** The next free id with a prefix: l1, l2, … (ids must be unique within the agreement). */
export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((x) => x.id === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The draft as the domain validates it (id, version and status are the server's; any will do here). */
export function asDocument(draft: AgreementDraft, status: Status = 'draft'): Agreement {
  return { ...draft, id: 'draft', version: 1, status };
}

/** Issues for one field path and the fields under it ("clauses[1]" has "clauses[1].threshold"). */
export function issuesAt(issues: readonly ValidationIssue[], path: string): ValidationIssue[] {
  return issues.filter(
    (i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`),
  );
}

/**
 * The agreement builder: one agreement being composed or edited, validated live by the domain's
 * validateAgreement (the same rules and messages as the API), saved as a new version with the version it
 * was based on, so a concurrent change by someone else comes back as a conflict instead of being merged.
 */
export const useBuilderStore = defineStore('builder', () => {
  const { api } = useInsurerApi();
  const catalogue = useCatalogueStore();
  const detail = ref<AgreementDetail | null>(null);
  const draft = ref<AgreementDraft>(emptyDraft(''));
  const name = ref('');
  const loading = ref(false);
  const error = ref<unknown>(null);
  const saving = ref(false);
  const saveError = ref<unknown>(null);
  /** Set when the server has a newer version than the one this draft was based on (409). */
  const conflict = ref<{
    problem: ApiProblem;
    theirs: AgreementDetail | null;
    diff: AgreementDiff | null;
  } | null>(null);
  const warnings = ref<{ path: string; message: string; messageNl?: string | undefined }[]>([]);
  const diff = ref<AgreementDiff | null>(null);
  const diffError = ref<unknown>(null);
  const dirty = ref(false);

  const editable = computed(
    () =>
      detail.value === null ||
      (detail.value.allowedActions.edit &&
        (detail.value.status === 'draft' || detail.value.status === 'proposed')),
  );
  const validation = computed(() => {
    const result = validateAgreement(
      asDocument(draft.value, detail.value?.status ?? 'draft'),
      catalogue.validationContext,
    );
    if (draft.value.organisation.id !== '') return result;
    // Without a counterparty the schema's "too short" says nothing useful: ask for one in words.
    const issues = result.issues.filter((i) => i.path !== 'organisation.id');
    issues.unshift({
      path: 'organisation.id',
      code: 'no-counterparty',
      severity: 'error',
      message: { nl: 'Kies een wederpartij.', en: 'Pick a counterparty.' },
    });
    return { ...result, valid: false, issues };
  });
  const errors = computed(() => validation.value.issues.filter((i) => i.severity === 'error'));

  function startNew(insurer: string, organisationId = '', quadrant: 'Q1' | 'Q2' | 'Q3' | 'Q4' = 'Q1') {
    detail.value = null;
    draft.value = emptyDraft(insurer, organisationId, quadrant);
    name.value = '';
    conflict.value = null;
    saveError.value = null;
    warnings.value = [];
    diff.value = null;
    dirty.value = false;
  }

  function adopt(d: AgreementDetail) {
    detail.value = d;
    const { id: _id, version: _v, status: _s, ...rest } = d.document;
    // A plain copy: the detail may be a reactive proxy, which structuredClone refuses.
    draft.value = JSON.parse(JSON.stringify(rest)) as AgreementDraft;
    name.value = d.name;
    dirty.value = false;
  }

  async function load(id: string): Promise<void> {
    loading.value = true;
    error.value = null;
    conflict.value = null;
    saveError.value = null;
    warnings.value = [];
    diff.value = null;
    try {
      adopt(await unwrap(api.agreements[':id'].$get({ param: { id } })));
    } catch (e) {
      error.value = e;
      detail.value = null;
    } finally {
      loading.value = false;
    }
  }

  function touch() {
    dirty.value = true;
  }

  function addLine(titleCode: string) {
    const title = catalogue.title(titleCode);
    if (!title) return;
    const line: Line = { id: nextId('l', draft.value.lines), titleCode, basis: title.basis, tariffCents: 0 };
    if (title.basis !== 'capitation') line.volume = 1;
    draft.value.lines.push(line);
    touch();
  }
  function removeLine(id: string) {
    draft.value.lines = draft.value.lines.filter((l) => l.id !== id);
    touch();
  }
  function addClause(kpiCode: string) {
    const kpi = catalogue.kpi(kpiCode);
    const target = kpi?.defaultTarget ?? (kpi?.kind === 'ratio' ? 1 : 0.8);
    const clause: Clause = {
      id: nextId('c', draft.value.clauses),
      kpiCode,
      target,
      threshold: kpi?.polarity === 'lower' ? target * 1.2 : target * 0.8,
      weight: 0,
      scoring: { type: 'linear' },
      evidence: 'point',
      confidence: 0.95,
    };
    draft.value.clauses.push(clause);
    touch();
  }
  function removeClause(id: string) {
    draft.value.clauses = draft.value.clauses.filter((c) => c.id !== id);
    touch();
  }
  /** Spreads the weight evenly over the clauses (rounded to 4 decimals, the rest on the last). */
  function evenWeights() {
    const n = draft.value.clauses.length;
    if (n === 0) return;
    const w = Math.floor(10_000 / n) / 10_000;
    draft.value.clauses.forEach((c, i) => {
      c.weight = i === n - 1 ? Math.round((1 - w * (n - 1)) * 10_000) / 10_000 : w;
    });
    touch();
  }

  async function save(): Promise<boolean> {
    saving.value = true;
    saveError.value = null;
    conflict.value = null;
    try {
      const body = { ...draft.value, ...(name.value.trim() ? { name: name.value.trim() } : {}) };
      const saved = detail.value
        ? await unwrap(
            api.agreements[':id'].$put({
              param: { id: detail.value.id },
              header: {},
              json: { ...body, expectedVersion: detail.value.version },
            }),
          )
        : await unwrap(api.agreements.$post({ json: body }));
      warnings.value = saved.warnings;
      adopt(saved);
      return true;
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409 && detail.value)
        await showConflict(e, detail.value.version);
      else saveError.value = e;
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** Someone else saved first: keep this draft as it is, fetch theirs and what they changed. */
  async function showConflict(problem: ApiProblem, base: number) {
    const id = detail.value!.id;
    let theirs: AgreementDetail | null = null;
    let changes: AgreementDiff | null = null;
    try {
      theirs = await unwrap(api.agreements[':id'].$get({ param: { id } }));
      if (theirs.version !== base) {
        changes = await unwrap(
          api.agreements[':id'].diff.$get({
            param: { id },
            query: { from: String(base), to: String(theirs.version) },
          }),
        );
      }
    } catch {
      // The conflict stands without the details.
    }
    conflict.value = { problem, theirs, diff: changes };
  }

  /** Drops this draft's changes and continues from the newest version. */
  function takeTheirs() {
    if (conflict.value?.theirs) adopt(conflict.value.theirs);
    conflict.value = null;
  }

  async function transition(to: Status): Promise<boolean> {
    if (!detail.value) return false;
    saving.value = true;
    saveError.value = null;
    conflict.value = null;
    try {
      const saved = await unwrap(
        api.agreements[':id'].transition.$post({
          param: { id: detail.value.id },
          header: {},
          json: { to, expectedVersion: detail.value.version },
        }),
      );
      warnings.value = saved.warnings;
      adopt(saved);
      return true;
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409 && detail.value && /version|versie/i.test(e.detail))
        await showConflict(e, detail.value.version);
      else saveError.value = e;
      return false;
    } finally {
      saving.value = false;
    }
  }

  async function loadDiff(from: number, to: number): Promise<void> {
    if (!detail.value) return;
    diffError.value = null;
    try {
      diff.value = await unwrap(
        api.agreements[':id'].diff.$get({
          param: { id: detail.value.id },
          query: { from: String(from), to: String(to) },
        }),
      );
    } catch (e) {
      diffError.value = e;
      diff.value = null;
    }
  }

  return {
    detail,
    draft,
    name,
    loading,
    error,
    saving,
    saveError,
    conflict,
    warnings,
    diff,
    diffError,
    dirty,
    editable,
    validation,
    errors,
    startNew,
    load,
    touch,
    addLine,
    removeLine,
    addClause,
    removeClause,
    evenWeights,
    save,
    takeTheirs,
    transition,
    loadDiff,
  };
});
