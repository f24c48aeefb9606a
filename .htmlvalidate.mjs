// html-validate: checks that every built page is valid HTML (make test runs it: tests/bau/test_html_valide.py).
//
// Preset "html-validate:standard": the rules about the HTML standard (content models, permitted attributes and
// values, nesting, duplicate ids, unclosed elements) and not the style rules of "recommended". The pages come
// from Material's templates; we check what browsers and assistive technology rely on, not Material's layout.
export default {
  extends: ["html-validate:standard"],
  rules: {
    // Material puts autocomplete="off" on its hidden toggle checkboxes (drawer, search) on purpose: without it
    // Firefox restores a checked state after "back" and the menu or search opens by itself. The HTML standard
    // does not list autocomplete for checkboxes, browsers honour it. The only rule we switch off.
    "valid-autocomplete": "off",
  },
};
