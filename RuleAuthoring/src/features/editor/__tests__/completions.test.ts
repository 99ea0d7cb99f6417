import { applyCompletion, completionsAt, type ExpressionInput } from '../lib/completions';

const vocabulary: ExpressionInput[] = [
  {
    name: 'item',
    description: 'The item being decided',
    properties: [
      { name: 'Sku', type: 'text', description: 'The SKU' },
      { name: 'Category', type: 'text', description: 'Category in master data' },
      { name: 'ColdChain', type: 'true/false', description: 'Needs the cold chain' },
      { name: 'ShelfLifeDays', type: 'number', description: 'Days of shelf life' },
    ],
  },
  {
    name: 'node',
    description: 'A candidate node',
    properties: [
      { name: 'Code', type: 'text', description: 'Node code' },
      { name: 'Capabilities', type: 'list of text', description: 'What the node can do' },
    ],
  },
  { name: 'customer', description: 'Who ordered', properties: [{ name: 'Tier', type: 'text', description: 'standard, silver, gold, platinum' }] },
];

const all = ['item', 'node', 'customer'];
const at = (text: string, allowed = all, caret = text.length) => completionsAt(text, caret, vocabulary, allowed);
const labels = (text: string, allowed = all, caret = text.length) => at(text, allowed, caret)?.items.map((i) => i.label);

describe('completionsAt', () => {
  it('offers input names matching the word typed', () => {
    const result = at('ite');
    expect(result).toMatchObject({ from: 0, to: 3, prefix: 'ite', context: 'input' });
    expect(result?.items).toEqual([{ label: 'item', kind: 'input', detail: 'input', description: 'The item being decided' }]);
  });

  it('offers every allowed input for an empty word (Ctrl+Space)', () => {
    expect(labels('')).toEqual(['item', 'node', 'customer']);
    expect(labels('item.Sku == "x" && ')).toEqual(['item', 'node', 'customer']);
  });

  it('offers the properties of an input after its dot, with type and description', () => {
    const result = at('item.');
    expect(result).toMatchObject({ from: 5, to: 5, prefix: '', context: 'property' });
    expect(result?.items.map((i) => i.label)).toEqual(['Sku', 'Category', 'ColdChain', 'ShelfLifeDays']);
    expect(result?.items[0]).toEqual({ label: 'Sku', kind: 'property', detail: 'text', description: 'The SKU' });
  });

  it('offers only the inputs the field may read', () => {
    expect(labels('', ['item', 'node'])).toEqual(['item', 'node']);
    expect(labels('cus', ['item', 'node'])).toEqual([]);
    expect(at('customer.', ['item', 'node'])).toBeNull();
  });

  it('matches prefixes case-insensitively', () => {
    expect(labels('ITE')).toEqual(['item']);
    expect(labels('item.sh')).toEqual(['ShelfLifeDays']);
    expect(labels('Item.c')).toEqual(['Category', 'ColdChain']);
  });

  it('completes inside longer expressions and replaces the whole word under the caret', () => {
    const text = 'item.ColdChain && node.Ca || customer.Tier == "gold"';
    const caret = text.indexOf('node.Ca') + 'node.Ca'.length;
    const result = at(text, all, caret);
    expect(result?.items.map((i) => i.label)).toEqual(['Capabilities']);
    expect(result).toMatchObject({ from: caret - 2, to: caret, context: 'property' });

    const middle = 'item.Cat == "dairy"';
    const inWord = at(middle, all, 7); // caret after "item.Ca", "t" follows
    expect(inWord).toMatchObject({ from: 5, to: 8, prefix: 'Ca' });
    expect(applyCompletion(middle, inWord!, 'Category')).toEqual({ text: 'item.Category == "dairy"', caret: 13 });

    expect(labels('(no', all, 3)).toEqual(['node']);
  });

  it('offers nothing inside a string literal', () => {
    expect(at('item.Category == "ite')).toBeNull();
    expect(at("node.Code == 'no")).toBeNull();
    expect(at('item.Sku == "a \\" ite')).toBeNull();
    // after the closing quote completion is back
    expect(labels('item.Sku == "x" && no')).toEqual(['node']);
  });

  it('offers nothing after a number or after a property that is not an input', () => {
    expect(at('1.5')).toBeNull();
    expect(at('node.Capabilities.')).toBeNull();
    expect(at('x.item.')).toBeNull();
  });

  it('falls back to the input names when the vocabulary is unavailable', () => {
    const result = completionsAt('po', 2, [], ['item', 'position']);
    expect(result?.items).toEqual([{ label: 'position', kind: 'input', detail: 'input', description: '' }]);
    expect(completionsAt('position.', 9, [], ['position'])?.items).toEqual([]);
  });
});
