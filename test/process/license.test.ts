/** The licence a fresh clone carries is the one package.json names. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('LICENSE', () => {
  it('is the MIT licence that package.json names, 2026, The ecgrid-graphql authors', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).license).toBe('MIT');
    const text = readFileSync('LICENSE', 'utf8');
    expect(text).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The ecgrid-graphql authors\n/);
    expect(text).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy');
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });
});
