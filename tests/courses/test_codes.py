from hypothesis import given
from hypothesis import strategies as st

from courses.codes import ALPHABET, check_symbol, format_code, new_code, parse_code


def test_100000_codes_are_unique_and_pass_their_own_check():
    codes = [new_code() for _ in range(100_000)]
    assert len(set(codes)) == len(codes)
    assert all(parse_code(code).code == code for code in codes)
    assert all(len(code) == len("MN-XXXX-XXXX-XXXX-XXXX") for code in codes[:100])


@given(
    position=st.integers(min_value=0, max_value=15),
    replacement=st.sampled_from(ALPHABET),
)
def test_any_single_symbol_change_is_caught(position, replacement):
    code = new_code()
    symbols = code[3:].replace("-", "")
    if symbols[position] == replacement:
        return
    changed = symbols[:position] + replacement + symbols[position + 1 :]
    assert parse_code(changed).problem == "check"


def test_every_single_substitution_of_one_code_is_caught():
    symbols = new_code()[3:].replace("-", "")
    for position in range(len(symbols)):
        for replacement in ALPHABET:
            if replacement != symbols[position]:
                changed = symbols[:position] + replacement + symbols[position + 1 :]
                assert parse_code(changed).problem == "check"


def test_codes_are_read_the_way_people_type_them():
    code = new_code()
    assert parse_code(code.lower()).code == code
    assert parse_code(code.replace("-", " ")).code == code
    assert parse_code(code[3:]).code == code  # without the MN- prefix


def test_letters_confused_with_digits_are_read_as_digits():
    body = "01" + "A" * 13
    code = format_code(body + check_symbol(body))
    assert parse_code(code.replace("0", "O").replace("1", "l")).code == code


def test_malformed_input_is_a_shape_problem():
    assert parse_code("").problem == "empty"
    assert parse_code("hello").problem == "shape"
    assert parse_code("MN-1234").problem == "shape"
