"""The AI coupling analysis of a workspace, for the app and the command line."""

import datetime as dt

from analysis.engine import Analysis, analyze_workspace
from models.workspace import Workspace


def coupling_analysis(workspace: Workspace, today: dt.date | None = None) -> Analysis:
    return analyze_workspace(workspace, today=today)
