# Fixtures for inline suppressions.
TEST_TOKEN = "Zk8F4keQw2pLx9T7mN3vB5cR"  # tollgate:ignore
# tollgate:ignore generic-secret-assignment
OTHER_SECRET = "Pq7F4keWz2Lm9xKvT3nR8bY4"
WRONG_ID_SECRET = "Mx5F4keTq8Lp2wZvR7nK3bY9"  # tollgate:ignore private-key-rsa
LEGACY_TOKEN = "Wn4F4keRz7Kp2xQvL9mT5bY3"  # gitleaks:allow
