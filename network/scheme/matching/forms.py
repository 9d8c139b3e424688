"""Finn mentor's forms. They check the shape of the input; the services check
the rules, and their errors are shown on the field they concern."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mentornett.accounts.models import User
from network.models import MentorHub, RelationshipKind

# --- board: answers to searches, proposals, notes ----------------------------------

MESSAGE_LENGTH = 2000


class SearchAnswerForm(forms.Form):
    """Answer a published search as a mentor, for a hub or for a municipality:
    the roles offered are those `permissions.search_answerer` found."""

    role = forms.ChoiceField(
        label=_("I answer as"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whom you answer for.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MESSAGE_LENGTH,
        help_text=_(
            "What you can offer, where and when. Your contact details are not shown: "
            "they are exchanged if the student or vet accepts your answer."
        ),
        error_messages={"required": _("Write a message: what you can offer, where and when.")},
    )

    def __init__(self, *args, answerer, **kwargs):
        super().__init__(*args, **kwargs)
        self.hubs = {str(hub.pk): hub for hub in answerer.hubs}
        self.municipalities = {str(m.pk): m for m in answerer.municipalities}
        choices = []
        if answerer.as_mentor:
            choices.append(("mentor", _("A mentor")))
        choices += [(f"hub:{pk}", hub.name) for pk, hub in self.hubs.items()]
        choices += [
            (f"municipality:{pk}", _("%(municipality)s municipality") % {"municipality": m.name})
            for pk, m in self.municipalities.items()
        ]
        self.fields["role"].choices = choices
        if len(choices) == 1:
            self.fields["role"].initial = choices[0][0]

    def for_whom(self) -> dict:
        """The service's `hub` or `municipality`; nothing for a mentor."""
        kind, _sep, pk = self.cleaned_data["role"].partition(":")
        if kind == "hub":
            return {"hub": self.hubs[pk]}
        if kind == "municipality":
            return {"municipality": self.municipalities[pk]}
        return {}


class ProposalForm(forms.Form):
    """The office proposes a pair: the candidate is chosen from the search's
    ranked candidates; the service checks the rest (not oneself, available)."""

    candidate = forms.CharField(
        label=_("Propose"),
        widget=forms.Select,
        error_messages={"required": _("Choose a mentor or hub from the list.")},
    )
    kind = forms.ChoiceField(label=_("Relationship type"), choices=RelationshipKind.choices)
    message = forms.CharField(
        label=_("Message to both"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MESSAGE_LENGTH,
        required=False,
        help_text=_("Why you think they fit. Both read it in the e-mail and on the proposal."),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].widget.choices = [
            ("", _("Choose from the list")),
            *[
                (
                    row.key,
                    _("%(name)s, %(municipality)s – %(points)s of 100 points")
                    % {
                        "name": row.name,
                        "municipality": row.municipality.name,
                        "points": row.score.total,
                    },
                )
                for row in candidates
            ],
        ]

    def clean_candidate(self):
        kind, _sep, pk = self.cleaned_data["candidate"].partition(":")
        found = None
        if pk.isascii() and pk.isdigit():
            if kind == "mentor":
                found = User.objects.filter(pk=int(pk), is_active=True).first()
            elif kind == "hub":
                found = MentorHub.objects.filter(pk=int(pk)).first()
        if found is None:
            raise forms.ValidationError(_("Choose a mentor or hub from the list."))
        return {"mentor": found} if kind == "mentor" else {"hub": found}


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Office note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("Only the programme office sees the notes."),
        error_messages={"required": _("Write the note before you save it.")},
    )


class ProposalAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("yes", "yes"), ("no", "no")],
        error_messages={
            "required": _("Answer with one of the buttons: yes or no."),
            "invalid_choice": _("Answer with one of the buttons: yes or no."),
        },
    )
    message = forms.CharField(
        label=_("Message to the programme office"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_LENGTH,
        required=False,
        help_text=_("If you say no, you may tell the programme office why."),
    )
