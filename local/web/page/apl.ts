/*
 * A small APL layout, enough to judge this skill's screens (lambda/alexa/panelDocument.json) on
 * an Echo Show and a round Echo Spot: Container, Text, Sequence, Frame, Image (as a labelled
 * box: the page loads nothing from elsewhere), data binding with ${…} paths, resources (@name),
 * dp, vw, vh and % units, the dark and light themes. Anything else shows as a dashed box naming
 * the component, so a document that outgrows this renderer says so instead of looking wrong.
 */
import { h } from './dom';

export interface Viewport {
  readonly label: string;
  /** In dp; these devices are 160 dpi, where a dp is a pixel. */
  readonly width: number;
  readonly height: number;
  readonly shape: 'RECTANGLE' | 'ROUND';
}

export const VIEWPORTS: readonly Viewport[] = [
  { label: 'Echo Show (1280 × 800 dp)', width: 1280, height: 800, shape: 'RECTANGLE' },
  { label: 'Echo Spot, round (480 × 480 dp)', width: 480, height: 480, shape: 'ROUND' },
];

type Scope = Record<string, unknown>;
type Json = Record<string, unknown>;

interface Context {
  readonly scope: Scope;
  readonly resources: Record<string, unknown>;
  readonly viewport: Viewport;
  readonly textColor: string;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A path such as payload.panel.title or data[0].name in `scope`; undefined when any step is missing. */
function lookUp(path: string, scope: Scope): unknown {
  const steps = path.match(/[^.[\]]+/g) ?? [];
  let value: unknown = scope;
  for (const step of steps) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[/^\d+$/.test(step) ? Number(step) : step];
  }
  return value;
}

/** One ${…} expression: a path, a quoted string, a number, true/false, `a == b`, `a != b`, or `a ? b : c` of those. */
function evaluate(expression: string, scope: Scope): unknown {
  const text = expression.trim();
  const ternary = /^(.+?)\s*\?\s*(.+?)\s*:\s*(.+)$/.exec(text);
  if (ternary !== null) return evaluate(ternary[1]!, scope) ? evaluate(ternary[2]!, scope) : evaluate(ternary[3]!, scope);
  // APL's comparisons, as documents use them to adapt to the viewport: ${viewport.shape == 'round'}.
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(text);
  if (comparison !== null) {
    const same = evaluate(comparison[1]!, scope) === evaluate(comparison[3]!, scope);
    return comparison[2] === '==' ? same : !same;
  }
  if (/^'.*'$|^".*"$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (/^[A-Za-z_][\w]*(\.[A-Za-z_]\w*|\[\d+\])*$/.test(text)) return lookUp(text, scope);
  return `\${${text}}`;
}

/** A property value with its bindings resolved: a lone ${…} keeps its type, mixed text becomes a string. */
function bind(value: unknown, context: Context): unknown {
  if (typeof value !== 'string') return value;
  const whole = /^\$\{([^}]*)\}$/.exec(value);
  if (whole !== null) return evaluate(whole[1]!, context.scope);
  const bound = value.replace(/\$\{([^}]*)\}/g, (_, expression: string) => {
    const result = evaluate(expression, context.scope);
    return result === undefined || result === null ? '' : String(result);
  });
  const resource = /^@([\w-]+)$/.exec(bound);
  return resource !== null && resource[1]! in context.resources ? context.resources[resource[1]!] : bound;
}

/** A dimension as CSS, in the viewport's dp (a CSS pixel each, before the preview is scaled). */
function dimension(value: unknown, context: Context): string | undefined {
  const bound = bind(value, context);
  if (typeof bound === 'number') return `${bound}px`;
  if (typeof bound !== 'string') return undefined;
  const match = /^(-?\d+(?:\.\d+)?)\s*(dp|px|vw|vh|%)?$/.exec(bound.trim());
  if (match === null) return bound === 'auto' ? 'auto' : undefined;
  const amount = Number(match[1]);
  switch (match[2]) {
    case 'vw':
      return `${(amount * context.viewport.width) / 100}px`;
    case 'vh':
      return `${(amount * context.viewport.height) / 100}px`;
    case '%':
      return `${amount}%`;
    default:
      return `${amount}px`;
  }
}

/** Resources the document defines (dimensions, colors, strings…), by name. */
function resourcesOf(document: Json, base: Context): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  const blocks = Array.isArray(document.resources) ? document.resources : [];
  for (const block of blocks) {
    if (!isObject(block)) continue;
    if (block.when !== undefined && !bind(block.when, { ...base, resources })) continue;
    for (const [group, values] of Object.entries(block)) if (group !== 'when' && group !== 'description' && isObject(values)) Object.assign(resources, values);
  }
  return resources;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const MARKUP: Record<string, keyof HTMLElementTagNameMap> = { b: 'b', strong: 'strong', i: 'i', em: 'em', u: 'u', tt: 'code', code: 'code', sup: 'sup', sub: 'sub' };

/** APL Text reads its text as markup: the tags it knows become styles, entities their characters; nothing becomes HTML. */
function textNodes(markup: string): Node {
  const root = document.createDocumentFragment();
  const open: Node[] = [root];
  for (const part of markup.split(/(<\/?[a-z]+\s*\/?>)/i)) {
    const tag = /^<(\/?)([a-z]+)\s*\/?>$/i.exec(part);
    const parent = open[open.length - 1]!;
    if (tag === null) {
      if (part !== '') parent.appendChild(document.createTextNode(decodeEntities(part)));
      continue;
    }
    const name = tag[2]!.toLowerCase();
    if (name === 'br') parent.appendChild(h('br'));
    else if (tag[1] === '/' && open.length > 1) open.pop();
    else if (tag[1] !== '/' && MARKUP[name] !== undefined) open.push(parent.appendChild(h(MARKUP[name]!)));
  }
  return root;
}

const STYLE_DIMENSIONS: Record<string, keyof CSSStyleDeclaration> = {
  width: 'width',
  height: 'height',
  minWidth: 'minWidth',
  maxWidth: 'maxWidth',
  minHeight: 'minHeight',
  maxHeight: 'maxHeight',
  paddingLeft: 'paddingLeft',
  paddingRight: 'paddingRight',
  paddingTop: 'paddingTop',
  paddingBottom: 'paddingBottom',
  left: 'left',
  top: 'top',
  right: 'right',
  bottom: 'bottom',
  borderRadius: 'borderRadius',
  borderWidth: 'borderWidth',
};

function setStyle(element: HTMLElement, name: keyof CSSStyleDeclaration, value: string | undefined): void {
  if (value !== undefined) (element.style as unknown as Record<string, string>)[name as string] = value;
}

function applyCommon(element: HTMLElement, component: Json, context: Context): void {
  for (const [property, style] of Object.entries(STYLE_DIMENSIONS)) setStyle(element, style, dimension(component[property], context));
  const padding = dimension(component.padding, context);
  if (padding !== undefined) element.style.padding = padding;
  const grow = bind(component.grow, context);
  const shrink = bind(component.shrink, context);
  if (typeof grow === 'number') element.style.flexGrow = String(grow);
  element.style.flexShrink = typeof shrink === 'number' ? String(shrink) : '0';
  const opacity = bind(component.opacity, context);
  if (typeof opacity === 'number') element.style.opacity = String(opacity);
  const display = bind(component.display, context);
  if (display === 'none') element.style.display = 'none';
  if (display === 'invisible') element.style.visibility = 'hidden';
  if (bind(component.position, context) === 'absolute') element.style.position = 'absolute';
  const background = bind(component.backgroundColor, context);
  if (typeof background === 'string') element.style.backgroundColor = background;
  const borderColor = bind(component.borderColor, context);
  if (typeof borderColor === 'string') {
    element.style.borderColor = borderColor;
    element.style.borderStyle = 'solid';
  }
}

const FLEX_ALIGN: Record<string, string> = { start: 'flex-start', end: 'flex-end', center: 'center', stretch: 'stretch', baseline: 'baseline' };
const FLEX_JUSTIFY: Record<string, string> = { start: 'flex-start', end: 'flex-end', center: 'center', spaceBetween: 'space-between', spaceAround: 'space-around', spaceEvenly: 'space-evenly' };

/** The component's children: `items`/`item`, once each, or once per element of `data` (with `data` and `index` bound). */
function children(component: Json, context: Context): Array<{ item: Json; context: Context }> {
  const raw = component.items ?? component.item;
  const items = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(isObject);
  const data = bind(component.data, context);
  if (!Array.isArray(data)) return items.map((item) => ({ item, context }));
  // With data, each element gets the first item whose `when` holds.
  return data.flatMap((element, index) => {
    const scoped: Context = { ...context, scope: { ...context.scope, data: element, index, length: data.length } };
    const item = items.find((candidate) => candidate.when === undefined || Boolean(bind(candidate.when, scoped)));
    return item === undefined ? [] : [{ item, context: scoped }];
  });
}

function renderChildren(parent: HTMLElement, component: Json, context: Context, spacingProperty: 'marginTop' | 'marginLeft'): void {
  let first = true;
  for (const child of children(component, context)) {
    const element = renderComponent(child.item, child.context);
    if (element === undefined) continue;
    const spacing = dimension(child.item.spacing, child.context);
    if (!first && spacing !== undefined) element.style[spacingProperty] = spacing;
    parent.appendChild(element);
    first = false;
  }
}

function renderText(component: Json, context: Context): HTMLElement {
  const element = h('div', { class: 'apl-text', 'data-apl': 'Text' });
  const text = bind(component.text, context);
  element.appendChild(textNodes(text === undefined || text === null ? '' : String(text)));
  element.style.fontSize = dimension(component.fontSize ?? '40dp', context) ?? '40px';
  const color = bind(component.color, context);
  element.style.color = typeof color === 'string' ? color : context.textColor;
  const weight = bind(component.fontWeight, context);
  if (weight !== undefined) element.style.fontWeight = weight === 'normal' || weight === 'bold' ? weight : String(weight);
  if (bind(component.fontStyle, context) === 'italic') element.style.fontStyle = 'italic';
  const align = bind(component.textAlign, context);
  if (typeof align === 'string' && align !== 'auto') element.style.textAlign = align;
  const lineHeight = bind(component.lineHeight, context);
  element.style.lineHeight = typeof lineHeight === 'number' ? String(lineHeight) : '1.25';
  const maxLines = bind(component.maxLines, context);
  if (typeof maxLines === 'number' && maxLines > 0) {
    element.classList.add('apl-clamped');
    element.style.setProperty('-webkit-line-clamp', String(maxLines));
  }
  return element;
}

function renderComponent(component: Json, context: Context): HTMLElement | undefined {
  if (component.when !== undefined && !bind(component.when, context)) return undefined;
  const type = String(bind(component.type, context) ?? '');
  let element: HTMLElement;
  switch (type) {
    case 'Text':
      element = renderText(component, context);
      break;
    case 'Container': {
      element = h('div', { class: 'apl-container', 'data-apl': 'Container' });
      const row = ['row', 'rowReverse'].includes(String(bind(component.direction, context)));
      element.style.flexDirection = row ? 'row' : 'column';
      const align = FLEX_ALIGN[String(bind(component.alignItems, context))];
      const justify = FLEX_JUSTIFY[String(bind(component.justifyContent, context))];
      if (align !== undefined) element.style.alignItems = align;
      if (justify !== undefined) element.style.justifyContent = justify;
      if (bind(component.wrap, context) === 'wrap') element.style.flexWrap = 'wrap';
      renderChildren(element, component, context, row ? 'marginLeft' : 'marginTop');
      break;
    }
    case 'Sequence':
    case 'GridSequence': {
      element = h('div', { class: 'apl-sequence', 'data-apl': type });
      const horizontal = bind(component.scrollDirection, context) === 'horizontal';
      element.style.flexDirection = horizontal ? 'row' : 'column';
      renderChildren(element, component, context, horizontal ? 'marginLeft' : 'marginTop');
      break;
    }
    case 'Frame':
    case 'TouchWrapper':
      element = h('div', { class: 'apl-container', 'data-apl': type });
      renderChildren(element, component, context, 'marginTop');
      break;
    case 'Image': {
      const source = bind(component.source ?? component.sources, context);
      element = h('div', { class: 'apl-image', 'data-apl': 'Image' }, `Image ${typeof source === 'string' ? source : ''}`.trim());
      break;
    }
    default:
      element = h('div', { class: 'apl-unsupported', 'data-apl': type }, `${type || '(no type)'}: not drawn by the simulator`);
  }
  applyCommon(element, component, context);
  return element;
}

/**
 * Lays out an APL document with its datasources in `viewport`, at its size in dp; the caller
 * scales the box to fit the page. Round viewports are clipped to a circle, as on an Echo Spot.
 */
export function renderApl(document: unknown, datasources: unknown, viewport: Viewport): HTMLElement {
  const screen = h('div', { class: `apl-screen${viewport.shape === 'ROUND' ? ' apl-round' : ''}`, 'data-viewport': viewport.shape.toLowerCase() });
  screen.style.width = `${viewport.width}px`;
  screen.style.height = `${viewport.height}px`;
  const doc = isObject(document) ? document : {};
  const light = doc.theme === 'light';
  screen.style.backgroundColor = light ? '#FAFAFA' : '#000000';
  const mainTemplate = isObject(doc.mainTemplate) ? doc.mainTemplate : {};
  const parameters = Array.isArray(mainTemplate.parameters) ? mainTemplate.parameters.filter((name): name is string => typeof name === 'string') : [];
  const sources = isObject(datasources) ? datasources : {};
  // One parameter takes all the datasources (the "payload" convention); several take one each by name.
  const scope: Scope =
    parameters.length === 1 ? { [parameters[0]!]: sources } : Object.fromEntries(parameters.map((name) => [name, sources[name]]));
  scope.viewport = { width: viewport.width, height: viewport.height, shape: viewport.shape.toLowerCase(), theme: light ? 'light' : 'dark' };
  const base: Context = { scope, resources: {}, viewport, textColor: light ? '#1E2222' : '#FAFAFA' };
  const context: Context = { ...base, resources: resourcesOf(doc, base) };
  renderChildren(screen, mainTemplate, context, 'marginTop');
  return screen;
}
