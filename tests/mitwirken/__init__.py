"""Contributing: the measure diff for pull requests, the GitHub workflows, forms and CODEOWNERS."""
