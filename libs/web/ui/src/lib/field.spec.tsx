import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field, TextAreaField, TextField, fieldStyles } from './field.js';

describe('Field', () => {
  it('labels its control and describes it by the hint', () => {
    render(<TextField name="handle" label="Handle" hint="Used in links." defaultValue="" />);
    const input = screen.getByRole('textbox', { name: 'Handle' });
    expect(input.getAttribute('name')).toBe('handle');
    expect(input).toHaveProperty('className', fieldStyles.input);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByText('Used in links.').id);
  });

  it('shows the error first in the description and marks the control invalid', () => {
    render(
      <TextAreaField name="reason" label="Reason" hint="3–500 characters." error="Give a reason." defaultValue="" />,
    );
    const area = screen.getByRole('textbox', { name: 'Reason' });
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('rows')).toBe('3');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    const [first, second] = (area.getAttribute('aria-describedby') ?? '').split(' ');
    expect(document.getElementById(first ?? '')?.textContent).toBe('Give a reason.');
    expect(document.getElementById(first ?? '')?.hasAttribute('data-field-error')).toBe(true);
    expect(document.getElementById(second ?? '')?.textContent).toBe('3–500 characters.');
  });

  it('counts characters after the hint and flags the count past the maximum', () => {
    const { rerender } = render(<TextField name="t" label="Title" hint="Short." counter={{ length: 4, max: 5 }} />);
    const hint = screen.getByText(/Short\./);
    expect(hint.textContent).toBe('Short. 4/5');
    expect(screen.getByText('4/5').className).toBe('');
    rerender(<TextField name="t" label="Title" hint="Short." counter={{ length: 6, max: 5 }} />);
    expect(screen.getByText('6/5').className).not.toBe('');
  });

  it('wires any control through the render prop', () => {
    render(
      <Field label="Role">
        {(control) => (
          <select {...control} defaultValue="b">
            <option value="a">A</option>
            <option value="b">B</option>
          </select>
        )}
      </Field>,
    );
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveProperty('value', 'b');
  });
});
