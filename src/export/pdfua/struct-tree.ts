// The PDF's structure tree (ISO 32000-1, 14.7) as plain objects over pdf-lib's, with the edits PDF/UA needs.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

/** One structure element: its dictionary, its type (/S), its parent and its kids in order. */
export interface StructElement {
  ref: PDFRef;
  dict: PDFDict;
  type: string;
  parent?: StructElement;
  kids: Kid[];
}

/** A kid as it is written in /K (`raw`), and what it is. */
export type Kid =
  | { kind: 'element'; raw: PDFObject; element: StructElement }
  | { kind: 'mcid'; raw: PDFObject; mcid: number; page?: PDFRef }
  | { kind: 'objr'; raw: PDFObject; object: PDFRef; page?: PDFRef };

const name = (value: string) => PDFName.of(value);

export class StructTree {
  /** The top-level elements (the root's /K). */
  readonly top: StructElement[] = [];
  /** Every element, depth first (document order). */
  readonly elements: StructElement[] = [];

  private constructor(readonly context: PDFContext, readonly root: PDFDict) {}

  /** The catalog's structure tree, or undefined when the document is not tagged. */
  static read(context: PDFContext, catalog: PDFDict): StructTree | undefined {
    const root = catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
    if (!root) return undefined;
    const tree = new StructTree(context, root);
    const seen = new Set<string>();
    for (const raw of asList(root.get(name('K')))) {
      if (!(raw instanceof PDFRef)) continue;
      const element = tree.readElement(raw, undefined, seen);
      if (element) tree.top.push(element);
    }
    return tree;
  }

  private readElement(ref: PDFRef, parent: StructElement | undefined, seen: Set<string>): StructElement | undefined {
    // A malformed file must not loop.
    if (seen.has(ref.toString())) return undefined;
    seen.add(ref.toString());
    const dict = this.context.lookupMaybe(ref, PDFDict);
    const type = dict?.lookupMaybe(name('S'), PDFName)?.decodeText();
    if (!dict || type === undefined) return undefined;
    const element: StructElement = { ref, dict, type, kids: [], ...(parent ? { parent } : {}) };
    this.elements.push(element);
    const page = dict.get(name('Pg'));
    for (const raw of asList(dict.get(name('K')))) {
      const kid = this.readKid(raw, element, page instanceof PDFRef ? page : undefined, seen);
      if (kid) element.kids.push(kid);
    }
    return element;
  }

  private readKid(raw: PDFObject, parent: StructElement, page: PDFRef | undefined, seen: Set<string>): Kid | undefined {
    if (raw instanceof PDFNumber) return { kind: 'mcid', raw, mcid: raw.asNumber(), ...(page ? { page } : {}) };
    if (raw instanceof PDFRef) {
      const target = this.context.lookup(raw);
      if (target instanceof PDFDict && target.get(name('Type'))?.toString() === '/OBJR') return this.readReference(raw, target, page);
      const element = this.readElement(raw, parent, seen);
      return element ? { kind: 'element', raw, element } : undefined;
    }
    if (raw instanceof PDFDict) return this.readReference(raw, raw, page);
    return undefined;
  }

  private readReference(raw: PDFObject, dict: PDFDict, page: PDFRef | undefined): Kid | undefined {
    const own = dict.get(name('Pg'));
    const pg = own instanceof PDFRef ? own : page;
    const type = dict.get(name('Type'))?.toString();
    if (type === '/OBJR') {
      const object = dict.get(name('Obj'));
      return object instanceof PDFRef ? { kind: 'objr', raw, object, ...(pg ? { page: pg } : {}) } : undefined;
    }
    const mcid = dict.lookupMaybe(name('MCID'), PDFNumber);
    return mcid ? { kind: 'mcid', raw, mcid: mcid.asNumber(), ...(pg ? { page: pg } : {}) } : undefined;
  }

  /** Writes an element's kids back into its /K. */
  writeKids(element: StructElement): void {
    const kids = element.kids.map((kid) => kid.raw);
    if (kids.length === 0) element.dict.delete(name('K'));
    else element.dict.set(name('K'), kids.length === 1 && !(kids[0] instanceof PDFNumber) ? kids[0]! : this.context.obj(kids));
  }

  /**
   * A new element of `type` under `parent`, at `index` among its kids, taking over `kids` (which must be
   * kids of `parent`): their /P, and the parent tree's entries for their content, point to it.
   */
  wrap(parent: StructElement, type: string, moved: readonly Kid[], index: number, parentTree: ParentTree): StructElement {
    const dict = this.context.obj({ Type: 'StructElem', S: type, P: parent.ref });
    const pg = parent.dict.get(name('Pg'));
    if (pg) dict.set(name('Pg'), pg);
    const ref = this.context.register(dict);
    const element: StructElement = { ref, dict, type, parent, kids: [...moved] };
    parent.kids = parent.kids.filter((kid) => !moved.includes(kid));
    parent.kids.splice(index, 0, { kind: 'element', raw: ref, element });
    this.writeKids(parent);
    this.writeKids(element);
    for (const kid of moved) this.adopt(element, kid, parentTree);
    this.elements.splice(this.elements.indexOf(parent) + 1, 0, element);
    return element;
  }

  /** Removes content kids (MCIDs) from an element, e.g. once their drawing has become an artifact. */
  drop(element: StructElement, dropped: readonly Kid[], parentTree: ParentTree): void {
    element.kids = element.kids.filter((kid) => !dropped.includes(kid));
    this.writeKids(element);
    for (const kid of dropped) if (kid.kind === 'mcid' && kid.page) parentTree.setMcid(kid.page, kid.mcid, undefined);
  }

  /** Sets the type of an element. */
  retype(element: StructElement, type: string): void {
    element.type = type;
    element.dict.set(name('S'), name(type));
  }

  private adopt(element: StructElement, kid: Kid, parentTree: ParentTree): void {
    if (kid.kind === 'element') {
      kid.element.parent = element;
      kid.element.dict.set(name('P'), element.ref);
    } else if (kid.kind === 'mcid') {
      if (kid.page) parentTree.setMcid(kid.page, kid.mcid, element.ref);
    } else {
      const annotation = this.context.lookupMaybe(kid.object, PDFDict);
      const key = annotation?.lookupMaybe(name('StructParent'), PDFNumber)?.asNumber();
      if (key !== undefined) parentTree.set(key, element.ref);
    }
  }
}

/** The parent tree (a number tree): for each page, which element each MCID belongs to; for each annotation, its element. */
export class ParentTree {
  private constructor(private readonly context: PDFContext, private readonly leaves: PDFArray[]) {}

  static read(context: PDFContext, root: PDFDict): ParentTree {
    const leaves: PDFArray[] = [];
    const visit = (node: PDFDict | undefined, depth: number) => {
      if (!node || depth > 32) return;
      const nums = node.lookupMaybe(name('Nums'), PDFArray);
      if (nums) leaves.push(nums);
      for (const kid of node.lookupMaybe(name('Kids'), PDFArray)?.asArray() ?? []) visit(context.lookupMaybe(kid, PDFDict), depth + 1);
    };
    let tree = root.lookupMaybe(name('ParentTree'), PDFDict);
    if (!tree) {
      tree = context.obj({ Nums: [] });
      root.set(name('ParentTree'), context.register(tree));
    }
    visit(tree, 0);
    return new ParentTree(context, leaves);
  }

  /** The value stored for `key` (a page's /StructParents or an annotation's /StructParent). */
  get(key: number): PDFObject | undefined {
    for (const nums of this.leaves) {
      for (let i = 0; i + 1 < nums.size(); i += 2) if (nums.lookupMaybe(i, PDFNumber)?.asNumber() === key) return nums.get(i + 1);
    }
    return undefined;
  }

  set(key: number, value: PDFObject): void {
    for (const nums of this.leaves) {
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        if (nums.lookupMaybe(i, PDFNumber)?.asNumber() === key) {
          nums.set(i + 1, value);
          return;
        }
      }
    }
    const last = this.leaves.at(-1);
    if (last) {
      last.push(PDFNumber.of(key));
      last.push(value);
    }
  }

  /** Points MCID `mcid` of `page` at `element` (or at nothing: null). */
  setMcid(page: PDFRef, mcid: number, element: PDFRef | undefined): void {
    const key = this.context.lookupMaybe(page, PDFDict)?.lookupMaybe(name('StructParents'), PDFNumber)?.asNumber();
    if (key === undefined) return;
    const entry = this.get(key);
    const array = entry === undefined ? undefined : this.context.lookup(entry);
    if (!(array instanceof PDFArray)) return;
    while (array.size() <= mcid) array.push(this.context.obj(null));
    array.set(mcid, element ?? this.context.obj(null));
  }
}

function asList(value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  return value instanceof PDFArray ? value.asArray() : [value];
}
