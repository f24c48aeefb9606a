"""The PDF edition, really built with WeasyPrint."""
