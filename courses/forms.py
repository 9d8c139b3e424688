from django import forms
from django.utils.translation import gettext_lazy as _


class ReflectionForm(forms.Form):
    # No maxlength attribute: a browser would cut pasted text silently. The
    # service checks the length and says so, and the form keeps the text.
    text = forms.CharField(
        label=_("Your answer"),
        error_messages={"required": _("Write an answer before you save it.")},
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only you can see this. You can use Markdown, e.g. **bold** and lists."),
    )


class ExerciseForm(forms.Form):
    done = forms.BooleanField(label=_("I have done this exercise"), required=False)
    note = forms.CharField(
        label=_("What did you find? (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def lesson_items(lesson, responses, forms, errors):
    """The lesson body as a list the template walks through; interactive blocks
    carry the learner's own answer and a bound or fresh form."""
    items = []
    for block in lesson.body:
        response = responses.get(block.id)
        item = {"block": block, "id": block.id, "type": block.block_type, "response": response}
        if block.block_type == "reflection":
            item["form"] = forms.get(block.id) or ReflectionForm(
                initial={"text": response.text if response else ""}, prefix=f"r-{block.id}"
            )
        elif block.block_type == "exercise":
            item["form"] = forms.get(block.id) or ExerciseForm(
                initial={
                    "done": bool(response and response.satisfied),
                    "note": response.text if response else "",
                },
                prefix=f"e-{block.id}",
            )
        elif block.block_type == "quiz":
            chosen = set(response.choices) if response else set()
            item["options"] = [
                {"index": i, "option": option, "chosen": i in chosen}
                for i, option in enumerate(block.value["options"])
            ]
            item["error"] = errors.get(block.id)
        items.append(item)
    return items
