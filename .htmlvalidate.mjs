// html-validate: checks that every built page is valid HTML (make test runs it: tests/bau/test_html_valide.py).
//
// Preset "html-validate:recommended": the rules about the HTML standard and the recommended style and
// accessibility rules, none switched off. Material's markup is repaired where it breaks them
// (macros/darstellung/barrierefrei.py).
//
// One rule runs in its HTML-standard mode: valid-id with relaxed: true checks that an id is not empty and has no
// whitespace, as HTML requires, but allows ids that begin with "_". Material's script finds its configuration as
// #__config and the search toggle as [for=__search]; renaming them would break the search.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    "valid-id": ["error", { relaxed: true }],
  },
};
