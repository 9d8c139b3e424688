"""Finn mentor's forms. They check the shape of the input; the services in
network/scheme/matching/services/ check the rules, and their errors are shown
on the field they concern."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mentornett.accounts.models import User
from mentornett.dates import SCHEME_PLAN
from mentornett.forms import DateRangeField, check_period_order
from mentornett.widgets import SearchableSelect, municipality_select
from network.models import (
    MAX_CHOICES,
    Animal,
    MenteeStage,
    MentorHelp,
    MentorHub,
    Municipality,
    MunicipalityNeedKind,
    MunicipalityOffer,
    NeedStatus,
    RelationshipKind,
)

from .selectors import Search, counties
from .services.profiles import MAX_CAPACITY, MAX_PERIODS, MAX_WEEKS, MENTEE_NEEDS, Period
from .services.requests import REQUEST_PERIOD

# --- profiles, municipality contacts and needs ---

BOTH_DATES = _("Give both dates of the period, or leave both empty.")
TOO_LONG = _("Shorten the text to %(limit_value)d characters (it has %(show_value)d).")
LISTING_LABEL = _("Show me in Finn mentor")


def _municipalities():
    return Municipality.objects.order_by("name")


def _checkboxes(label, choices, **kwargs):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        required=kwargs.pop("required", False),
        **kwargs,
    )


def _text(label, limit, *, rows=4, **kwargs):
    return forms.CharField(
        label=label,
        max_length=limit,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": TOO_LONG},
        **kwargs,
    )


class PeriodRows(forms.Form):
    """Up to four periods, each a row of two dates ("from", "to") that may be
    left empty. Works without JavaScript: every row is always there."""

    rows = MAX_PERIODS

    def __init__(self, *args, periods=(), **kwargs):
        initial = kwargs.setdefault("initial", {})
        for number, period in enumerate(periods, start=1):
            initial[f"period_{number}_from"] = period.starts_on
            initial[f"period_{number}_to"] = period.ends_on
        super().__init__(*args, **kwargs)
        for number in range(1, self.rows + 1):
            self.fields[f"period_{number}_from"] = DateRangeField(
                label=_("From"), required=False, dates=SCHEME_PLAN
            )
            self.fields[f"period_{number}_to"] = DateRangeField(
                label=_("To (inclusive)"), required=False, dates=SCHEME_PLAN
            )

    @property
    def period_rows(self):
        """(number, from field, to field) for the template."""
        return [
            (number, self[f"period_{number}_from"], self[f"period_{number}_to"])
            for number in range(1, self.rows + 1)
        ]

    def clean(self):
        cleaned = super().clean()
        self.periods = []
        for number in range(1, self.rows + 1):
            start_name, end_name = f"period_{number}_from", f"period_{number}_to"
            if start_name in self.errors or end_name in self.errors:
                continue
            starts_on, ends_on = cleaned.get(start_name), cleaned.get(end_name)
            if starts_on is None and ends_on is None:
                continue
            if starts_on is None or ends_on is None:
                self.add_error(start_name if starts_on is None else end_name, BOTH_DATES)
            elif ends_on < starts_on:
                self.add_error(end_name, _("The end must be on or after the start."))
            else:
                self.periods.append(Period(starts_on, ends_on))
        return cleaned


class MentorProfileForm(PeriodRows):
    municipality = forms.ModelChoiceField(
        label=_("Practice municipality"),
        queryset=_municipalities(),
        widget=municipality_select(),
        help_text=_("Where your practice is. Distances are counted from here."),
    )
    animals = _checkboxes(_("Animals and production types the practice works with"), Animal.choices)
    kinds = _checkboxes(
        _("Relationship types I offer"),
        RelationshipKind.choices,
        required=True,
        error_messages={"required": _("Choose at least one relationship type you offer.")},
    )
    capacity = forms.IntegerField(
        label=_("How many mentees I can take at once"),
        initial=1,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_CAPACITY, "inputmode": "numeric"}),
    )
    helps = _checkboxes(_("I can help with"), MentorHelp.choices)
    languages = forms.CharField(
        label=_("Languages"),
        max_length=200,
        required=False,
        help_text=_("The languages you can mentor in, e.g. “norsk, English”."),
        error_messages={"max_length": TOO_LONG},
    )
    introduction = _text(
        _("A short introduction"),
        1000,
        help_text=_("The practice, what a mentee can learn with you, and what you expect."),
    )
    listed = forms.BooleanField(
        label=LISTING_LABEL,
        required=False,
        help_text=_(
            "Signed-in people with a profile in Finn mentor, and the programme office, then "
            "see your name, practice municipality, animals, relationship types, capacity, "
            "availability, what you can help with, languages and introduction, so that mentees "
            "can find you and send you a request. Your e-mail address and phone number are not "
            "shown: only someone whose request you accept gets them. Every 6 months we ask you "
            "by e-mail to confirm that you are still available. You can hide yourself at any "
            "time."
        ),
    )

    field_order = ["municipality", "animals", "kinds", "capacity", "helps", "languages"]

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if not 1 <= capacity <= MAX_CAPACITY:
            raise forms.ValidationError(
                _("Take between 1 and %(most)s mentees at once.") % {"most": MAX_CAPACITY},
                code="capacity",
            )
        return capacity

    @staticmethod
    def initial_for(profile) -> dict:
        if profile is None:
            return {"capacity": 1}
        return {
            "municipality": profile.municipality_id,
            "animals": list(profile.animals),
            "kinds": list(profile.kinds),
            "capacity": profile.capacity,
            "helps": list(profile.helps),
            "languages": profile.languages,
            "introduction": profile.introduction,
            "listed": profile.listed,
        }

    def changes(self) -> dict:
        data = self.cleaned_data
        return {
            "municipality": data["municipality"],
            "animals": data["animals"],
            "kinds": data["kinds"],
            "capacity": data["capacity"],
            "helps": data["helps"],
            "languages": data["languages"],
            "introduction": data["introduction"],
            "listed": data["listed"],
            "periods": self.periods,
        }


WANTED = 3  # wanted municipalities, each a searchable select that works without JS


class MenteeProfileForm(PeriodRows):
    stage = forms.ChoiceField(
        label=_("I am"), choices=MenteeStage.choices, widget=forms.RadioSelect
    )
    study_place = forms.CharField(
        label=_("Where I study or work"),
        max_length=200,
        help_text=_("E.g. NMBU in Ås, or the University of Veterinary Medicine in Košice."),
        error_messages={
            "required": _("Say where you study or work, in Norway or abroad."),
            "max_length": TOO_LONG,
        },
    )
    municipality = forms.ModelChoiceField(
        label=_("The municipality I live or work in (in Norway)"),
        queryset=_municipalities(),
        widget=municipality_select(),
        required=False,
    )
    year = forms.IntegerField(
        label=_("Year of study, or the year I was authorised"),
        required=False,
        help_text=_("E.g. 4 for the fourth year of study, or 2019."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    kind = forms.ChoiceField(
        label=_("Relationship type I seek"),
        choices=RelationshipKind.choices,
        widget=forms.RadioSelect,
    )
    wanted_1 = forms.ModelChoiceField(
        label=_("A municipality I would like to come to"),
        queryset=_municipalities(),
        widget=SearchableSelect(empty_label=_("Choose municipality")),
        required=False,
    )
    wanted_2 = forms.ModelChoiceField(
        label=_("Another municipality"),
        queryset=_municipalities(),
        widget=SearchableSelect(empty_label=_("Choose municipality")),
        required=False,
    )
    wanted_3 = forms.ModelChoiceField(
        label=_("A third municipality"),
        queryset=_municipalities(),
        widget=SearchableSelect(empty_label=_("Choose municipality")),
        required=False,
    )
    wanted_counties = _checkboxes(_("Counties I would like to come to"), [])
    animals = _checkboxes(_("Animals I am interested in"), Animal.choices)
    needs = _checkboxes(
        _("I need help with"),
        [(code.value, code.label) for code in MENTEE_NEEDS],
    )
    introduction = _text(
        _("A short introduction"),
        1000,
        help_text=_("What you have done so far, what you want to learn, and when you can come."),
    )
    listed = forms.BooleanField(
        label=LISTING_LABEL,
        required=False,
        help_text=_(
            "Your search is then published as “Søker praksisplass/mentor”: mentors, MentorHubs, "
            "verified municipality contacts and the programme office see your name, stage, "
            "study place, year, the relationship type and periods you seek, the places you "
            "want, animals, what you need help with and your introduction, so that they can "
            "offer you a place. Your e-mail address and phone number are not shown: only "
            "someone whose offer you accept gets them. Every 6 months we ask you by e-mail to "
            "confirm that you are still looking. You can hide your search at any time."
        ),
    )

    field_order = ["stage", "study_place", "municipality", "year", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wanted_counties"].choices = [(county, county) for county in counties()]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is not None and not (1 <= year <= 7 or 1950 <= year <= 2100):
            raise forms.ValidationError(
                _("Give your year of study (1–6) or the year you were authorised, e.g. 2019."),
                code="year",
            )
        return year

    @staticmethod
    def initial_for(profile) -> dict:
        if profile is None:
            return {}
        initial = {
            "stage": profile.stage,
            "study_place": profile.study_place,
            "municipality": profile.municipality_id,
            "year": profile.year,
            "kind": profile.kind,
            "wanted_counties": list(profile.wanted_counties),
            "animals": list(profile.animals),
            "needs": list(profile.needs),
            "introduction": profile.introduction,
            "listed": profile.listed,
        }
        wanted = sorted(profile.wanted_municipalities.all(), key=lambda m: m.name)
        for number, municipality in enumerate(wanted[:WANTED], start=1):
            initial[f"wanted_{number}"] = municipality.pk
        return initial

    def changes(self) -> dict:
        data = self.cleaned_data
        wanted = [data[f"wanted_{n}"] for n in range(1, WANTED + 1) if data.get(f"wanted_{n}")]
        return {
            "stage": data["stage"],
            "study_place": data["study_place"],
            "municipality": data["municipality"],
            "year": data["year"],
            "kind": data["kind"],
            "wanted_municipalities": list(dict.fromkeys(wanted)),
            "wanted_counties": data["wanted_counties"],
            "animals": data["animals"],
            "needs": data["needs"],
            "introduction": data["introduction"],
            "listed": data["listed"],
            "periods": self.periods,
        }


class HubListingForm(forms.Form):
    weeks_per_half_year = forms.IntegerField(
        label=_("Student-weeks we can take per half-year"),
        initial=0,
        help_text=_("All the hub's mentors together, e.g. 12."),
        widget=forms.NumberInput(attrs={"min": 0, "max": MAX_WEEKS, "inputmode": "numeric"}),
    )
    helps_with_housing = forms.BooleanField(
        label=_("We help students find housing"), required=False
    )
    animals = _checkboxes(_("Animals and production types the hub works with"), Animal.choices)
    introduction = _text(_("A short introduction"), 1000)
    listed = forms.BooleanField(
        label=_("Show the hub in Finn mentor"),
        required=False,
        help_text=_(
            "Signed-in people with a profile in Finn mentor, and the programme office, then see "
            "the hub's name, municipality, its mentors' names, the student-weeks you can take, "
            "whether you help with housing, the animals and the introduction, so that students "
            "can find the hub and send it a request. The mentors' e-mail addresses and phone "
            "numbers are not shown."
        ),
    )

    def clean_weeks_per_half_year(self):
        weeks = self.cleaned_data["weeks_per_half_year"]
        if not 0 <= weeks <= MAX_WEEKS:
            raise forms.ValidationError(
                _("Give a number of student-weeks between 0 and %(most)s.") % {"most": MAX_WEEKS},
                code="weeks",
            )
        return weeks

    @staticmethod
    def initial_for(listing) -> dict:
        return {
            "weeks_per_half_year": listing.weeks_per_half_year,
            "helps_with_housing": listing.helps_with_housing,
            "animals": list(listing.animals),
            "introduction": listing.introduction,
            "listed": listing.listed,
        }


class ContactRegistrationForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=_municipalities(), widget=municipality_select()
    )
    role = forms.CharField(
        label=_("My role in the municipality"),
        max_length=150,
        help_text=_("E.g. agricultural adviser or head of the vet service."),
        error_messages={
            "required": _("Say what your role in the municipality is, e.g. agricultural adviser."),
            "max_length": TOO_LONG,
        },
    )


class MunicipalityProfileForm(forms.Form):
    coverage = _text(
        _("The vet coverage situation"),
        2000,
        rows=5,
        help_text=_("E.g. how many vets cover the district, the duty rota, and what is hard."),
    )
    offers = _checkboxes(_("What we offer a vet or student who comes"), MunicipalityOffer.choices)
    listed = forms.BooleanField(
        label=_("Show the municipality in Finn mentor"),
        required=False,
        help_text=_(
            "Signed-in people with a profile in Finn mentor, and the programme office, then see "
            "the coverage situation and the offers beside the municipality's needs. The "
            "contacts' names, e-mail addresses and phone numbers are not shown; someone who "
            "answers a need gets them."
        ),
    )

    @staticmethod
    def initial_for(profile) -> dict:
        if profile is None:
            return {}
        return {
            "coverage": profile.coverage,
            "offers": list(profile.offers),
            "listed": profile.listed,
        }


class NeedForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("We need"), choices=MunicipalityNeedKind.choices, widget=forms.RadioSelect
    )
    starts_on = DateRangeField(label=_("From"), required=False, dates=SCHEME_PLAN)
    ends_on = DateRangeField(label=_("To (inclusive)"), required=False, dates=SCHEME_PLAN)
    description = _text(
        _("Description"),
        2000,
        help_text=_("What the work is, where, and what the municipality can offer."),
    )

    def clean(self):
        cleaned = super().clean()
        check_period_order(self, cleaned)
        return cleaned


class CloseNeedForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(NeedStatus.FILLED.value, ""), (NeedStatus.WITHDRAWN.value, "")]
    )


class InterestForm(forms.Form):
    message = _text(
        _("Message to the municipality"),
        2000,
        help_text=_("Who you are, when you can come, and what you are looking for."),
    )


class RejectContactForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (sent to the person)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Say why, so that the person knows what to do."),
            "max_length": TOO_LONG,
        },
    )


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


# --- directory and requests ---

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
        self.fields["county"].choices = [("", _("Any county"))] + [(c, c) for c in counties()]

    def clean(self):
        data = super().clean()
        if data.get("municipality") and data.get("county"):
            self.add_error(
                "county", _("Choose a municipality or a county, not both. Empty one of them.")
            )
        check_period_order(self, data)
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
        check_period_order(self, data)
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
