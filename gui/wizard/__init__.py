"""The report wizard: pages generated from the form definition, editing through a ReportSession.

``from gui.wizard import ReportWizard`` loads Qt lazily, so the Qt-free helpers in this package
(``gui.wizard.parsing``) stay importable on their own.
"""

__all__ = ["ReportWizard"]


def __getattr__(name: str):
    if name == "ReportWizard":
        from gui.wizard.wizard import ReportWizard

        return ReportWizard
    raise AttributeError(name)
