"""The ClaimDiff desktop app (PySide6). It calls the engine only through claimdiff.api."""
