"""The version of reportedly (read by the build, recorded in every report and stored row)."""

__version__ = "0.1.0"
