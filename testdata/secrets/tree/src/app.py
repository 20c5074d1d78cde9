import os

DATABASE_URL = "postgresql://svc:T3st-Kx92!mQ@10.0.4.12/analytics"
# two secrets on one line: neither may leak through the other's snippet
LEGACY = {"password": "Rv9#F4keLp2q", "client_secret": "q8Wz2F4kePLx9mKv7TnR3bY5"}
API_KEY = os.environ["API_KEY"]
