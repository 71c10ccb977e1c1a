"""The employer-facing domains, each its own Django app: pledges and workshops."""
