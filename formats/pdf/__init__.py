"""Print-ready PDFs: one canvas laid out like its sheet, and the workspace report."""
