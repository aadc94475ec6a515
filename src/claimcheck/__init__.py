"""claimcheck: claim-level fact consistency checking across news coverage."""
__version__ = "0.1.0"
