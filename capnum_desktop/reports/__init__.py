"""PDF reports built with reportlab (imported lazily, only when a report is built): interview summary, blank
grid, information notice and consent form, study overview. A4, embedded DejaVu Sans, French or English."""
