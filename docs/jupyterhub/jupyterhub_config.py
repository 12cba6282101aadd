# JupyterHub for the evaluation form: every accounthouder logs in and lands on the form, in a server of their own.
#
# Start:  EVALUATIE_DATA=/srv/evaluatie/data jupyterhub -f docs/jupyterhub/jupyterhub_config.py
# (needs `pip install "evaluatie[hub]"` and the proxy: `make proxy`, or `npm install -g configurable-http-proxy`).
#
# Change what is marked WIJZIG (see docs/jupyterhub/README.md); the rest is what the workbook needs. The test
# `tests/invoer/test_jupyterhub.py` starts the hub with this very file (and its own login and ports).

import os
import shutil
import sys
from pathlib import Path

from evaluatie.invoer.formulier.hub import bereid_voor

c = get_config()  # noqa: F821 - JupyterHub provides get_config in its config files

# WIJZIG: the gemeente's data folder (one for all evaluators; the user the servers run as must be able to write it).
DATA = Path(os.environ.get("EVALUATIE_DATA", "/srv/evaluatie/data"))
# WIJZIG: where the workbook keeps a folder per user (the form's notebook, the user's reports).
WERKMAPPEN = Path(os.environ.get("EVALUATIE_WERKMAPPEN", "/srv/evaluatie/gebruikers"))

# WIJZIG: the gemeente's login. For a try-out only: "dummy" lets anyone in who knows the shared password.
# Active Directory / LDAP: `pip install jupyterhub-ldapauthenticator`, then
#   c.JupyterHub.authenticator_class = "ldapauthenticator.LDAPAuthenticator" (and its server_address, bind_dn_template)
# Entra ID (Azure AD): `pip install oauthenticator`, then c.JupyterHub.authenticator_class = "azuread".
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ.get("EVALUATIE_HUB_WACHTWOORD", "")
# WIJZIG: who may log in (the accounthouders); `allow_all` only with a login that already limits who gets in.
c.Authenticator.allow_all = True

# WIJZIG: address and TLS. Behind the gemeente's reverse proxy (which holds the certificate), listen on localhost;
# without one: c.JupyterHub.ssl_cert = "/etc/ssl/…/cert.pem", c.JupyterHub.ssl_key = "/etc/ssl/…/key.pem" and
# bind_url "https://0.0.0.0:443".
c.JupyterHub.bind_url = os.environ.get("EVALUATIE_HUB_URL", "http://127.0.0.1:8000")

# Each user's server: JupyterHub's single-user server with Voilà as its extension; `bereid_voor` gives it the form.
# The servers run as the user that runs the hub (one system user for all, who owns DATA): an evaluator can use the
# form and read reports, but not run code, write files or open a terminal (`Formulierbevoegdheid`). With a system
# user per evaluator instead, use c.JupyterHub.spawner_class = "localprocess" and give them write access to DATA.
c.JupyterHub.spawner_class = "simple"
c.Spawner.cmd = [shutil.which("jupyterhub-singleuser") or str(Path(sys.executable).parent / "jupyterhub-singleuser")]
# WIJZIG: minutes an unused form stays open, and how many forms one user may have open at once.
c.Spawner.pre_spawn_hook = lambda spawner: bereid_voor(spawner, DATA, WERKMAPPEN, inactief_s=15 * 60, max_formulieren=5)
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
