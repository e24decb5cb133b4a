"""The live service: a FastAPI app over the store, with a stream of changes and a web page.

    from matchday.service import Settings, create_app
    app = create_app(Settings(database_url="sqlite:///matchday.db", token="secret"))

Needs the ``service`` extra: ``pip install "matchday[service]"``.
"""

from matchday.service.app import create_app
from matchday.service.core import Service, Settings

__all__ = ["Service", "Settings", "create_app"]
