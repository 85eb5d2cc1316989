"""Gives the fuzzing stage (.ci/fuzz.sh) something to fuzz beyond the reference data: a few
exemplars of the unit head's unit with their records, an evaluation and a monthly introduction,
created through the API. Their ids are the small ones the fuzzer tries first, so the handlers
behind `/exemplars/{id}/…`, `/evaluations/{id}`, `/introductions/{id}` run on real rows and not
only answer 404. Fails loudly when a step fails, so that the stage never fuzzes less than it says.

Usage: python fuzz_seed.py BASE_URL (tokens in FUZZ_TOKEN_OFFICE and FUZZ_TOKEN_UNIT_HEAD).
"""

import datetime
import os
import sys

import requests

BASE = sys.argv[1].rstrip("/") + "/api/v1"
OFFICE = os.environ["FUZZ_TOKEN_OFFICE"]
HEAD = os.environ["FUZZ_TOKEN_UNIT_HEAD"]


def call(method, path, token, body=None, etag=None, expect=(200, 201)):
    headers = {"Authorization": f"Bearer {token}"}
    if etag:
        headers["If-Match"] = etag
    response = requests.request(method, BASE + path, json=body, headers=headers, timeout=20)
    if response.status_code not in expect:
        sys.exit(f"fuzz seed: {method} {path} gave {response.status_code}: {response.text[:500]}")
    return response


def etag_of(path, token):
    return call("GET", path, token).headers["ETag"]


today = datetime.date.today()
unit_id = call("GET", "/auth/me", HEAD).json()["user"]["unit"]["id"]
movement_ids = [m["id"] for m in call("GET", "/movements", OFFICE).json()["items"]][:2]

exemplars = []
for n, (kind, name) in enumerate(
    [
        ("individual", "Nguyễn Thị Hoa"),
        ("collective", "Tổ trợ giúp pháp lý lưu động"),
        ("individual", "Trần Văn Bình"),
    ]
):
    body = {
        "subjectKind": kind,
        "name": name,
        "unitId": unit_id,
        "category": "advanced",
        "fieldOfWork": "Trợ giúp pháp lý",
        "achievements": "Thực hiện 120 vụ việc trợ giúp pháp lý cho người dân vùng sâu, vùng xa.",
        "discoveredOn": (today - datetime.timedelta(days=30 + n)).isoformat(),
        "movementIds": movement_ids,
        "initiatives": [{"title": "Số hóa hồ sơ trợ giúp pháp lý", "year": today.year}],
    }
    if kind == "collective":
        body["memberCount"] = 6
    else:
        body["position"] = "Trợ giúp viên pháp lý"
    exemplars.append(call("POST", "/exemplars", OFFICE, body).json()["id"])

first = exemplars[0]
# The first exemplar goes through review and into nurturing with its plan.
call("POST", f"/exemplars/{first}/submit", HEAD, etag=etag_of(f"/exemplars/{first}", HEAD))
call("POST", f"/exemplars/{first}/confirm", OFFICE, {}, etag=etag_of(f"/exemplars/{first}", OFFICE))
plan = {
    "strengths": "Nhiệt tình, am hiểu pháp luật.",
    "shortcomings": "Chưa có kinh nghiệm truyền thông.",
    "measures": "Tập huấn kỹ năng truyền thông.",
    "milestones": [
        {
            "title": "Hoàn thành tập huấn",
            "dueOn": (today + datetime.timedelta(days=60)).isoformat(),
            "status": "planned",
        }
    ],
}
call("PUT", f"/exemplars/{first}/nurturing-plan", OFFICE, plan)
call("POST", f"/exemplars/{first}/evaluations", OFFICE, {"evaluatorKind": "office_review"})
call(
    "POST",
    "/introductions",
    HEAD,
    {
        "unitId": unit_id,
        "month": today.strftime("%Y-%m"),
        "title": "Gương trợ giúp viên pháp lý tận tụy",
        "writeUp": "Chị Hoa đã đi khắp các xã vùng sâu để trợ giúp pháp lý miễn phí cho người dân.",
        "exemplarIds": [first],
    },
)
print(f"fuzz seed: exemplars {exemplars}, unit {unit_id}")
