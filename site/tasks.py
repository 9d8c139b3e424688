"""Cross-cutting background tasks. A task takes plain data, so it can be
retried; sending the same message twice is the worst a retry can do."""

from django.core.mail import EmailMultiAlternatives


def send_email(*, subject, body, from_email, to, html=None, headers=None):
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers or {}
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
