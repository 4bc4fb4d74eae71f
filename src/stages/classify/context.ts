import { derivedFrom, type Patterns } from '../../patterns.js';
import type { Quantity } from '../extract-quantities.js';
import { UNIT_NAME } from '../org-units.js';
import { compactText, type PhraseMatcher } from '../phrases.js';
import { EMPTY_SCAN, HeadingFamilies, type LineScan, type PathHit, scanLine } from './lines.js';
import type { Heading, Section, Segmentation } from '../segment.js';
import type { SubjectMaker } from './subjects.js';
import { LIST_MARK, lastClause, maskForSubject, mayMatch } from './text.js';
import type { ClassKind, Role, Subject } from './types.js';

/** The opening of a listed line or heading: （1） 1、 ① 一、 第三部分. */
const LIST_OPENING = new RegExp(`^\\s*${LIST_MARK}`, 'u');

/**
 * Where sentences begin, as a pattern: after a sentence mark (the sentence-end cue), after a
 * blank line, before a line that opens with a list number or heading mark.
 */
const sentenceBoundary = derivedFrom((patterns) => new RegExp(`${patterns.cues['sentence-end'].regex.source}|\\n[^\\S\\n]*\\n|\\n(?=\\s*${LIST_MARK})`, 'gu'));

const changeAlternative = derivedFrom((patterns) => new RegExp(`[(（](?:${patterns.cues.increase.regex.source}|${patterns.cues.decrease.regex.source})[)）]`, 'gu'));

/** What is known of one quantity when its subject is looked for. */
export interface Site {
  readonly q: Quantity;
  readonly text: string;
  /** The text since the sentence began or the last quantity ended, whichever is later. */
  readonly lead: string;
  /** No quantity came before this one in its sentence. */
  readonly newSentence: boolean;
  /** The whole sentence before the quantity, as written: what it compares with, which year, a reason. */
  readonly sentence: string;
  /** The line before the quantity, as written. */
  readonly lineBefore: string;
  /** The rest of the sentence after the quantity, as written (at most 200 characters). */
  readonly after: string;
  /** The quantity stands in a reason (…，主要原因是人员经费增加30万元). */
  readonly inReason: boolean;
  /** The last clause of the lead, as written, and compact (quotes and spaces out). */
  readonly clauseRaw: string;
  readonly clause: string;
  readonly maskedClause: string;
  /** The expenditure family in force (general_budget_expenditure …). */
  readonly family: string;
  readonly group: string | null;
  readonly classKind: ClassKind | null;
  readonly headings: readonly Heading[];
  readonly section: Section | null;
  /** The last 类/款/项 path of the line before the quantity. */
  readonly pathHit: PathHit | undefined;
  /** The subject a list cue (其中, 包括 …) opened, whose lines the quantity may be. */
  readonly enumParent: Subject | null;
  /** The role of the figure that list was opened after (“三公”经费预算为20万元，其中：…: budget). */
  readonly enumRole: Role;
  /** The subject placed last in this line or sentence. */
  readonly lineSubj: Subject | null;
  /** The name of a quantity before in this sentence the tool could not place, which nothing placed since. */
  readonly unplacedBefore: string | null;
  /** The name of an unplaced quantity whose list (其中…) the quantity stands in. */
  readonly unplacedParent: string | null;
  /** The title of the org-unit block (1.办公室 …) the quantity stands in, else null. */
  readonly orgUnit: string | null;
}

/**
 * Walks a document's quantities in order and says, for each, what its line, sentence, clause and
 * headings hold. The subject placed for a quantity is told back (`placed`), so the next ones of
 * the line can go on with it.
 */
export class Walk {
  private lineStart = -1;
  private lineEnd = -1;
  private scan: LineScan = EMPTY_SCAN;
  private readonly headingFamilies: HeadingFamilies;
  /** How far into the line's markers the quantities have gone (a long line has thousands: each passed once). */
  private passed = { families: 0, paths: 0, economic: 0, functional: 0 };
  private prevEnd = 0;
  /** The paragraph: whether it opened with a list number, and the first subject placed in it. */
  private paragraph: { listed: boolean; subject: Subject | null } = { listed: false, subject: null };
  /** Where sentences begin in the document, in order, and how many lie before the current quantity. */
  private readonly boundaries: readonly number[];
  private passedBoundaries = 0;
  /** The clause of the quantity before, for one listed right after it. */
  private lastClauseRaw: string | null = null;
  private lineSubj: Subject | null = null;
  private unplacedName: string | null = null;
  /** The role of the quantity placed last, and of the one a list (其中…) was opened after. */
  private lastRole: Role = 'value';
  private enumRole: Role = 'value';
  private unplacedList: string | null = null;
  private enumParent: Subject | null = null;
  private readonly enumOpen: RegExp;
  private readonly enumAny: RegExp;
  /** A template's alternative change word in brackets (增加(减少)): no bracket that closes a list. */
  private readonly changeAlternative: RegExp;
  /** A text that ends with a sentence mark (the sentence-end cue), white space after it. */
  private readonly endsSentence: RegExp;

  constructor(
    private readonly text: string,
    private readonly seg: Segmentation,
    private readonly patterns: Patterns,
    private readonly phrases: PhraseMatcher,
    private readonly maker: SubjectMaker,
  ) {
    this.headingFamilies = new HeadingFamilies(maker);
    this.enumOpen = patterns.cues['enumeration-open'].regex;
    this.enumAny = patterns.cues['enumeration-any'].regex;
    this.changeAlternative = changeAlternative(patterns);
    this.endsSentence = new RegExp(`(?:${patterns.cues['sentence-end'].regex.source})\\s*$`, 'u');
    this.boundaries = Array.from(text.matchAll(sentenceBoundary(patterns)), (m) => m.index + m[0].length);
  }

  site(q: Quantity): Site {
    const { text } = this;
    if (q.start > this.lineEnd) this.enterLine(q);
    const headings = this.seg.headingsAt(q.start);
    // the sentence may begin on a line before (PDF text breaks clauses over lines: 同比增加⏎2433505.07元)
    const sentenceStart = this.sentenceStart(q, headings[0]);
    const newSentence = sentenceStart > this.prevEnd;
    const lead = text.slice(Math.max(sentenceStart, this.prevEnd), q.start);
    if (newSentence && !this.enumOpen.test(lead)) {
      // a list goes on into the next sentence only when nothing but a sentence mark lies between
      const between = text.slice(this.prevEnd, sentenceStart).replace(/[。;；]/g, '');
      if (!/^\s*$/.test(between)) this.forgetLists();
    }
    // a list in brackets is over at the closing bracket: the subject before it goes on (…（其中…）,占96.35%);
    // so is a list whose next sentence opens with a comparison (…其他收入250万元。比2020年预算…减少87.45万元)
    if (this.enumParent && (/[)）]/.test(lead.replace(this.changeAlternative, '')) || (newSentence && this.patterns.cues['comparison-opening'].regex.test(lead)))) {
      this.lineSubj = this.enumParent;
      this.enumParent = null;
    }
    if (this.enumAny.test(lead) && this.lineSubj) {
      this.enumParent = this.lineSubj;
      this.enumRole = this.lastRole;
    }
    // a list under a figure the tool could not place is that figure's: its lines are unplaced too
    if (newSentence) this.unplacedName = null;
    if (this.lineSubj) this.unplacedList = null;
    if (this.enumAny.test(lead) && !this.lineSubj && this.unplacedList === null && this.unplacedName !== null) this.unplacedList = this.unplacedName;

    const { scan, passed } = this;
    while (passed.families < scan.families.length && (scan.families[passed.families]?.end ?? 0) <= q.start) passed.families++;
    while (passed.paths < scan.paths.length && (scan.paths[passed.paths]?.end ?? 0) <= q.start) passed.paths++;
    while (passed.economic < scan.economic.length && (scan.economic[passed.economic] ?? 0) < q.start) passed.economic++;
    while (passed.functional < scan.functional.length && (scan.functional[passed.functional] ?? 0) < q.start) passed.functional++;
    const family = scan.families[passed.families - 1]?.family ?? this.headingFamilies.of(headings);
    const economic = passed.economic > 0 || headings.some((h) => h.title.includes('经济分类'));
    const functional = passed.functional > 0 || headings.some((h) => h.title.includes('功能分类'));
    const classKind: ClassKind | null = economic ? 'economic' : functional ? 'function' : null;
    const sentence = text.slice(sentenceStart, q.start);
    const after = text.slice(q.end, Math.min(q.end + 200, this.boundaries[this.passedBoundaries] ?? text.length));
    // a figure listed right after another (减少1267.86,2570.97万元; 分别为10万元、20万元) shares its clause
    const listed = !newSentence && this.lastClauseRaw !== null && /^[\s,，、和及]*$/.test(lead);
    const clauseRaw = listed ? (this.lastClauseRaw ?? '') : lastClause(lead);
    this.lastClauseRaw = clauseRaw;
    const clause = compactText(clauseRaw);
    const section = this.seg.sectionAt(q.start);
    // org-unit descriptions (1.办公室 … 人员编制11名) belong to org_units, not to the document's staff
    const inner = headings[0];
    const orgUnit = section === 'overview' && inner && inner.level >= 3 && UNIT_NAME.test(inner.title) ? inner.title : null;
    return {
      q,
      text,
      lead,
      newSentence,
      sentence,
      lineBefore: text.slice(this.lineStart, q.start),
      after,
      inReason: mayMatch(this.patterns.cues['reason-open'], sentence) && this.patterns.cues['reason-open'].regex.test(compactText(sentence)),
      clauseRaw,
      clause,
      maskedClause: maskForSubject(clause, this.patterns),
      family,
      group: this.enumParent?.group ?? this.lineSubj?.group ?? null,
      classKind,
      headings,
      section,
      pathHit: scan.paths[passed.paths - 1],
      enumParent: this.enumParent,
      enumRole: this.enumRole,
      lineSubj: this.lineSubj,
      unplacedBefore: this.unplacedName,
      unplacedParent: this.unplacedList,
      orgUnit,
    };
  }

  /**
   * Where the sentence of `q` begins: after the last sentence mark, blank line or listed line's
   * number before it, not before the heading it stands under, at most 300 characters back (PDF
   * text breaks sentences over lines). The document's boundaries are found once; quantities come
   * in order, so a pointer follows them.
   */
  private sentenceStart(q: Quantity, heading: Heading | undefined): number {
    const floor = Math.max(0, q.start - 300, heading && heading.end <= q.start ? heading.end : 0);
    const ends = this.boundaries;
    while (this.passedBoundaries < ends.length && (ends[this.passedBoundaries] ?? 0) <= q.start) this.passedBoundaries++;
    return Math.max(floor, ends[this.passedBoundaries - 1] ?? 0);
  }

  /**
   * A quantity that named a subject of its own the tool cannot place: what follows it in its line
   * or sentence (同比增加5万元) is about that subject, so it inherits nothing placed before it.
   */
  unplacedNamed(q: Quantity, name: string): void {
    this.lineSubj = null;
    this.unplacedName = name;
    this.prevEnd = q.end;
  }

  /** Tells the walk how a quantity ended: placed with a subject, or not (null). */
  placed(q: Quantity, subject: Subject | null, keep: boolean, role: Role = 'value'): void {
    this.unplacedName = null;
    this.lastRole = role;
    if (keep && subject) this.lineSubj = subject;
    if (keep && subject && this.paragraph.listed && !this.paragraph.subject) this.paragraph.subject = subject;
    this.prevEnd = q.end;
  }

  /** A new paragraph or sentence: no list goes on, and what follows is about no unplaced figure. */
  private forgetLists(): void {
    this.enumParent = null;
    this.unplacedList = null;
    this.unplacedName = null;
  }

  /** Moves to the line of `q`: a new paragraph forgets the subject of the line before. */
  private enterLine(q: Quantity): void {
    const { text } = this;
    let begin = this.lineEnd + 1;
    let end = text.indexOf('\n', begin);
    if (end < 0) end = text.length;
    while (end < q.start) {
      begin = end + 1;
      end = text.indexOf('\n', begin);
      if (end < 0) end = text.length;
    }
    const first = this.lineStart < 0;
    this.lineStart = begin;
    this.lineEnd = end;
    // a line goes on with the subject of the one before (text converted from PDF breaks paragraphs
    // into lines) unless a blank line, a heading or a listed line's number starts a new paragraph
    const between = text.slice(this.prevEnd, begin);
    const heading = this.seg.headingsAt(q.start)[0];
    const listed = LIST_OPENING.test(text.slice(begin, begin + 8));
    // a clause broken over lines goes on with its words (同比增加⏎2433505.07元) unless a new
    // paragraph or sentence begins
    let continues = false;
    if (first || listed || /\n\s*\n/.test(between) || (heading && heading.start >= this.prevEnd)) {
      this.lineSubj = null;
      this.forgetLists();
      this.paragraph = { listed, subject: null };
    } else if (this.endsSentence.test(text.slice(Math.max(0, begin - 3), begin))) {
      // past a sentence that ended with its line, a list is over, and only the subject a listed
      // paragraph opened with goes on (12. “…（项）”24.31万元。⏎2023年当年预算执行数为20.30万元)
      this.forgetLists();
      this.lineSubj = this.paragraph.subject;
    } else continues = true;
    if (!continues) this.prevEnd = begin;
    this.lastClauseRaw = null;
    this.scan = scanLine(text, begin, end, this.phrases, this.maker);
    this.passed = { families: 0, paths: 0, economic: 0, functional: 0 };
  }
}
