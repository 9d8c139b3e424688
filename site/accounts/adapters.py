from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mentornett.links import absolute, on_site, public_site
from mentornett.mail import Message, send_message
from mentornett.ratelimit import client_ip, lockout_response, login_paused

from .languages import language_for, serve_in
from .models import Language, User
from .services import ensure_profile


def _current_language():
    language = (translation.get_language() or Language.BOKMAL).split("-")[0]
    return language if language in Language.values else Language.BOKMAL


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # ACCOUNT_RATE_LIMITS["login_failed"] counts a quarter of an hour.
        "too_many_login_attempts": _(
            "Too many failed sign-ins in a short time. Wait a quarter of an hour and try "
            "again, or set a new password if you have forgotten it."
        ),
    }

    def send_mail(self, template_prefix, email, context):
        """allauth's messages (e-mail confirmation, password reset, …) in the
        site's layout: allauth's templates give the subject and the words, in
        the language of the page the person is on."""
        request = allauth_context.request
        # The site's name and address from the settings, not the host the request
        # came in by: allauth's templates say "an account on {{ site_domain }}",
        # and its links (activate_url, password_reset_url, signup_url) go there too.
        context = {
            "email": email,
            **{
                key: on_site(value) if key.endswith("_url") and isinstance(value, str) else value
                for key, value in context.items()
            },
            "current_site": public_site(),
        }
        user = context.get("user")
        language = context.pop("language", None) or _current_language()

        def compose():
            subject = render_to_string(f"{template_prefix}_subject.txt", context, request)
            body = render_to_string(f"{template_prefix}_message.txt", context, request)
            return Message(
                subject=" ".join(subject.split()),
                paragraphs=[part.strip() for part in body.split("\n\n") if part.strip()],
            )

        send_message(
            to=email,
            name=user.get_short_name() if user else email,
            language=language,
            compose=compose,
        )

    def send_account_already_exists_mail(self, email):
        """Sign-up with an address that has an account answers as for a new one
        (ACCOUNT_PREVENT_ENUMERATION); the owner learns here how to get in, in
        their own language, since whoever typed the address may not be them."""
        owner = User.objects.filter(email__iexact=email).first()
        context = {
            "login_url": absolute(reverse("account_login")),
            "password_reset_url": absolute(reverse("account_reset_password")),
        }
        if owner is not None:
            context.update(user=owner, language=owner.preferred_language)
        self.send_mail("account/email/account_already_exists", email, context)

    def get_client_ip(self, request):
        """allauth's limits count the client that axes and our own limits count
        (mentornett.ratelimit.client_ip), never a forged X-Forwarded-For."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def login(self, request, user):
        """From here the request speaks the person's language, so allauth's
        "Signed in as …" is written in the language of the page it lands on."""
        super().login(request, user)
        serve_in(request, language_for(request))

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "").strip()
        user.preferred_language = _current_language()
        if commit:
            user.save()
            ensure_profile(user=user)
        return user


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin):
        """A sign-in paused after wrong passwords stays paused here too: the
        account's e-mail address is the key on every path (mentornett.ratelimit)."""
        user = sociallogin.user
        if sociallogin.is_existing and user.email and login_paused(request, user.email):
            raise ImmediateHttpResponse(
                lockout_response(request, credentials={"email": user.email})
            )

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        user.full_name = name.strip()
        user.preferred_language = _current_language()
        return user

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        ensure_profile(user=user)
        return user
