// Stands in for react-relay's `graphql` tag: relay-compiler reads the tagged templates statically.
export const graphql = (strings: TemplateStringsArray): string => strings.join('');
