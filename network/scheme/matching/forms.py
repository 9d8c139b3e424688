"""Finn mentor's forms. They check the shape of the input; the services
check the rules, and their errors are shown on the field they concern."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mentornett.dates import SCHEME_PLAN
from mentornett.forms import DateRangeField
from mentornett.widgets import municipality_select
from network.models import MAX_CHOICES, Animal, Municipality, RelationshipKind

from .selectors import Search
from .services.requests import REQUEST_PERIOD

# --- directory ---

# The distances the directory offers, in km; empty is any distance.
DISTANCES = (50, 100, 200, 400)


class DirectoryForm(forms.Form):
    """The directory's filters, sent with GET so a search can be linked and
    works without JavaScript. A place is a municipality (with a distance)
    or a county, not both."""

    # Every filter may be left empty: no "(optional)" on each.
    optional_unmarked = True

    municipality = forms.ModelChoiceField(
        label=_("Near the municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="number",
        required=False,
        widget=municipality_select(),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    distance = forms.TypedChoiceField(
        label=_("Distance"),
        choices=[("", _("Any distance"))] + [(str(km), f"{km} km") for km in DISTANCES],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Choose a distance from the list.")},
    )
    county = forms.ChoiceField(
        label=_("Or a county"),
        required=False,
        error_messages={"invalid_choice": _("Choose a county from the list.")},
    )
    animals = forms.MultipleChoiceField(
        label=_("Animals"),
        choices=Animal.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Mentors who work with at least one of them."),
    )
    kind = forms.ChoiceField(
        label=_("Relationship type"),
        choices=[("", _("Any type"))] + RelationshipKind.choices,
        required=False,
        error_messages={"invalid_choice": _("Choose a relationship type from the list.")},
    )
    starts_on = DateRangeField(label=_("Available from"), dates=SCHEME_PLAN, required=False)
    ends_on = DateRangeField(label=_("Available until"), dates=SCHEME_PLAN, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counties = (
            Municipality.objects.order_by("county").values_list("county", flat=True).distinct()
        )
        self.fields["county"].choices = [("", _("Any county"))] + [(c, c) for c in counties]

    def clean(self):
        data = super().clean()
        if data.get("municipality") and data.get("county"):
            self.add_error(
                "county", _("Choose a municipality or a county, not both. Empty one of them.")
            )
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end must be on or after the start."))
        return data

    def search(self) -> Search:
        data = self.cleaned_data
        return Search(
            municipality=data.get("municipality"),
            max_km=data.get("distance"),
            county=data.get("county") or "",
            animals=frozenset(data.get("animals") or ()),
            kind=data.get("kind") or "",
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
        )


# --- requests ---


class RequestForm(forms.Form):
    """A request to the mentors and hubs picked in the directory (`picks`,
    selectors.Picked), each given its place in the order or "Don't ask".
    The picks themselves travel as hidden `velg` values the view reads."""

    kind = forms.ChoiceField(label=_("Relationship type"), choices=RelationshipKind.choices)
    starts_on = DateRangeField(label=_("From"), dates=REQUEST_PERIOD)
    ends_on = DateRangeField(label=_("To"), dates=REQUEST_PERIOD)
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        required=False,
        help_text=_(
            "Say who you are and what you hope to learn. Your e-mail address and phone number "
            "are shared only with the one who accepts."
        ),
    )

    def __init__(self, *args, picks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.picks = list(picks)
        places = range(1, max(len(self.picks), 1) + 1)
        choices = [("", _("Don't ask"))] + [(str(n), str(n)) for n in places]
        for index, picked in enumerate(self.picks):
            self.fields[self.rank_name(picked)] = forms.TypedChoiceField(
                label=_("Place in the order for %(name)s") % {"name": picked.name},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=str(index + 1),
                error_messages={"invalid_choice": _("Choose a place from the list.")},
            )

    @staticmethod
    def rank_name(picked) -> str:
        return "rank-" + picked.pick.replace(":", "-")

    def pick_rows(self):
        """Each pick with its place-in-the-order field, for the template."""
        return [(picked, self[self.rank_name(picked)]) for picked in self.picks]

    def clean(self):
        data = super().clean()
        asked = [p for p in self.picks if data.get(self.rank_name(p)) is not None]
        if not asked:
            self.add_error(None, _("Choose at least one mentor or hub to ask."))
        elif len(asked) > MAX_CHOICES:
            extra = len(asked) - MAX_CHOICES
            self.add_error(
                None,
                forms.ValidationError(
                    _(
                        "Ask at most %(max)s mentors or hubs: you chose %(count)s. "
                        "Set “Don't ask” on %(extra)s of them."
                    )
                    % {"max": MAX_CHOICES, "count": len(asked), "extra": extra},
                    code="too_many",
                ),
            )
        else:
            by_rank = {}
            for picked in asked:
                by_rank.setdefault(data[self.rank_name(picked)], []).append(picked)
            for same in by_rank.values():
                for picked in same if len(same) > 1 else ():
                    self.add_error(
                        self.rank_name(picked), _("Give each choice its own place in the order.")
                    )
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end must be on or after the start."))
        return data

    def ordered_picks(self) -> list[str]:
        """The picks to ask, in the order the mentee gave them."""
        asked = [p for p in self.picks if self.cleaned_data.get(self.rank_name(p)) is not None]
        return [p.pick for p in sorted(asked, key=lambda p: self.cleaned_data[self.rank_name(p)])]


class AnswerForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the mentee"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_("Why you can or cannot take them, or what happens next."),
    )
