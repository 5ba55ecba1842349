"""The network address of the client that sent a request, as the login throttle and the limit on
anonymous writes see it.

Behind a TLS-terminating proxy every request comes from the proxy, so throttling `REMOTE_ADDR`
would lock out everyone at once. Each proxy appends the address it received the connection from to
`X-Forwarded-For`; with `TECHPOLICY_PROXY_COUNT` proxies in front, the entry that many places from
the right is the one the outermost trusted proxy saw. Entries further left were written by the
client and are never believed. Without a declared proxy the header is ignored entirely, since any
client could forge it.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# A forwarded header longer than this was not written by a handful of proxies: it is not read.
MAX_FORWARDED_CHARS = 2048
# IPv6 clients are handed whole /64 networks, so a per-address limit on single addresses would let
# one client rotate through billions of them.
IPV6_NETWORK_PREFIX = 64


def _parse(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _address(request: HttpRequest) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    proxies = settings.TECHPOLICY_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = forwarded.split(",") if len(forwarded) <= MAX_FORWARDED_CHARS else []
        if len(hops) >= proxies:
            address = _parse(hops[-proxies])
            if address is not None:
                return address
    return _parse(request.META.get("REMOTE_ADDR", ""))


def client_address(request: HttpRequest) -> str | None:
    """The client's address as text (None when the request carries none that parses); django-axes
    reads it through AXES_CLIENT_IP_CALLABLE."""
    address = _address(request)
    return None if address is None else str(address)


def client_network(request: HttpRequest) -> str:
    """The key a per-address limit counts under: the IPv4 address, or the IPv6 /64 network."""
    address = _address(request)
    if address is None:
        return "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, IPV6_NETWORK_PREFIX), strict=False))
    return str(address)
