from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.models import Organisation, User, bin_validator


class SignUpForm(UserCreationForm):
    """An applicant company registers its organisation and its first user in one step."""

    organisation_name = forms.CharField(label=_("Name of the organisation"), max_length=300)
    bin = forms.CharField(label=_("BIN"), max_length=12, validators=[bin_validator])
    email = forms.EmailField(label=_("E-mail (notices about your cases go here)"))
    language = forms.ChoiceField(label=_("Language of notices"), choices=User._meta.get_field("language").choices)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "first_name", "last_name")

    def clean_bin(self):
        value = self.cleaned_data["bin"]
        if Organisation.objects.filter(bin=value).exists():
            raise forms.ValidationError(
                _("An organisation with this BIN is already registered; ask its user to add you."))
        return value

    def save(self, commit=True):
        user = super().save(commit=False)
        user.organisation = Organisation.objects.create(
            name=self.cleaned_data["organisation_name"], bin=self.cleaned_data["bin"])
        user.language = self.cleaned_data["language"]
        user.email = self.cleaned_data["email"]
        if commit:
            user.save()
        return user
