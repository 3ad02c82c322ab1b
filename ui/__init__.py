"""The ClaimDiff desktop app (PySide6). It calls the engine only through claimdiff.api."""

APP_ID = "io.github.claimdiff.ClaimDiff"
"""The one reverse-DNS application id: QSettings, desktop file, AppStream, window icon."""
ORGANIZATION_DOMAIN = "claimdiff.github.io"
"""APP_ID's domain part, reversed, as Qt expects it."""
APPLICATION_NAME = "ClaimDiff"
