import type { VendorSample } from '../../../nodes/shared/vendor';

/**
 * Greenhouse's own examples, verbatim: each is the JSON text of one example in
 * grnhse/greenhouse-api-docs, source/includes/webhooks/_application_events.md (commit 1fdeb4ff)
 * and _candidate_events.md, _interview_events.md, _job_events.md, _organization_events.md
 * (commit 8e920c38), kept as the document writes it (String.raw) and parsed here. Two examples
 * are not in the document: the ping (the document says only that the ping carries "some
 * configuration settings for the web hook") and one job post as Greenhouse sends it on the wire,
 * with its HTML escaped (`\u003c`), as the introduction says the body and its signature are.
 */
const doc = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

const applicationCreated = String.raw`{
  "action": "new_candidate_application",
  "payload": {
    "application": {
      "id": 71980812,
      "rejected_at": null,
      "prospect": false,
      "status": "active",
      "applied_at": "2017-10-27T14:44:43Z",
      "last_activity_at": "2017-10-27T14:44:42Z",
      "url": "http://app.greenhouse.io/people/60304594?application_id=71980812",
      "source": {
        "id": 16,
        "name": "LinkedIn (Prospecting)"
      },
      "credited_to": {
        "id": 92120,
        "email": "test123@example.com",
        "name": "Greenhouse Admin",
        "employee_id": "123ABC"
      },
      "rejection_reason": null,
      "rejection_details": null,
      "current_stage": {
        "id": 2944102,
        "name": "Preliminary Phone Screen",
        "interviews": [
          {
            "id": 4368004,
            "name": "Preliminary Screening Call",
            "status": "to_be_scheduled",
            "interview_kit": {
              "url": "http://app.greenhouse.io/guides/4368142/people/60304594?application_id=71980812",
              "content": "<p>Directions on how to conduct this interview.</p>",
              "questions": [
                {
                  "id": 3136352,
                  "question": "Could you tell me about your previous experience?"
                },
                {
                  "id": 3136353,
                  "question": "Why do you want to work with us?"
                }
              ]
            },
            "interviewers": []
          }
        ]
      },
      "prospect_detail": {
        "prospect_pool": null,
        "prospect_stage": null,
        "prospect_owner": null
      },
      "custom_fields": {
        "application_custom_test": {
          "name": "Application Custom Test",
          "type": "single_select",
          "value": null
        },
        "custom_boolean_test": {
          "name": "Custom Boolean Test",
          "type": "boolean",
          "value": null
        }
      },
      "candidate": {
        "id": 60304594,
        "first_name": "Jane",
        "last_name": "Smith",
        "title": "Manager",
        "company": "Current Company Co.",
        "created_at": "2017-10-27T14:44:42Z",
        "external_id": null,
        "photo_url": null,
        "url": "http://app.greenhouse.io/people/60304594",
        "is_private": false,
        "can_email": true,
        "phone_numbers": [
          {
            "value": "555-555-5555",
            "type": "mobile"
          }
        ],
        "email_addresses": [
          {
            "value": "person@work.com",
            "type": "work"
          },
          {
            "value": "person@example.com",
            "type": "personal"
          }
        ],
        "addresses": [
          {
            "value": "123 Test Street\nNew York, NY 10001",
            "type": "home"
          }
        ],
        "website_addresses": [
          {
            "value": "mysite.com",
            "type": "personal"
          }
        ],
        "social_media_addresses": [
          {
            "value": "socialmedia.com"
          }
        ],
        "educations": [
          {
            "school_name": "Stanford University",
            "degree": "Bachelor's Degree",
            "discipline": "Computer Science",
            "start_date": "09/15/2007",
            "end_date": "05/15/2011"
          }
        ],
        "employments": [],
        "recruiter": {
          "id": 92121,
          "email": "employee@test.com",
          "name": "Betty Smith",
          "employee_id": "123ABC"
        },
        "coordinator": {
          "id": 92427,
          "email": "user@example.com",
          "name": "Bonnie Bonnet",
          "employee_id": "456DEF"
        },
        "attachments": [
          {
            "filename": "Test Cover Letter.docx",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "cover_letter"
          },
          {
            "filename": "Test Resume.docx",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "resume"
          }
        ],
        "tags": [
          "Ruby",
          "Comp Sci"
        ],
        "custom_fields": {
          "date_test": {
            "name": "Date Test",
            "type": "date",
            "value": ""
          },
          "desired_salary": {
            "name": "Desired Salary",
            "type": "short_text",
            "value": null
          },
          "graduation_year_1": {
            "name": "Graduation Year",
            "type": "single_select",
            "value": null
          },
          "work_remotely": {
            "name": "Work Remotely",
            "type": "boolean",
            "value": null
          }
        }
      },
      "jobs": [
        {
          "id": 274075,
          "name": "Data Scientist",
          "requisition_id": "ABC",
          "notes": null,
          "confidential": false,
          "job_post_id": 263533,
          "status": "open",
          "created_by_id": 273555,
          "created_at": "2016-07-14T17:21:30Z",
          "opened_at": "2016-07-20T16:00:00Z",
          "closed_at": null,
          "url": "http://app.greenhouse.io/sdash/274075",
          "departments": [
            {
              "id": 8717,
              "name": "Data Science",
              "external_id": "ex-dept-1"
            }
          ],
          "offices": [
            {
              "id": 16478,
              "name": "London",
              "location": "London, United Kingdom",
              "external_id": "ex-office-1"
            }
          ],
          "hiring_team": {
            "hiring_managers": [
              {
                "user_id": 92913,
                "employee_id": "123ABC"
              }
            ],
            "sourcers": [
              {
                  "user_id": 92427,
                "employee_id": null
              }
            ],
            "recruiters":  [
              {
                  "user_id": 92427,
                "employee_id": null
              }
            ],
            "coordinators": [
              {
                "user_id": 92427,
                "employee_id": "DEFG123"
              }
            ]
          },
          "custom_fields": {
            "date_test": {
              "name": "Date Test",
              "type": "date",
              "value": "2017-10-27"
            },
            "employment_type": {
              "name": "Employment",
              "type": "single_select",
              "value": "Full-time"
            },
            "replacement_role_": {
              "name": "Replacement Role",
              "type": "boolean",
              "value": true
            },
            "salary_range_2": {
              "name": "Salary Range",
              "type": "currency_range",
              "value": {
                "unit": null,
                "min_value": "10000.0",
                "max_value": "10000.0"
              }
            },
            "test_field_1": {
              "name": "Test Short Text Field",
              "type": "short_text",
              "value": "test"
            },
            "test_user_field": {
              "name": "Test User Field",
              "type": "user",
              "value": {
                "user_id": 117730,
                "name": "Job Admin",
                "email": "asegal+jobadmin@greenhouse.io",
                "employee_id": "user-abc"
              }
            }
          }
        }
      ]
    }
  }
}`;

const applicationDeleted = String.raw`{
  "action": "delete_application",
  "payload": {
    "application": {
        "id": 46194062,
        "candidate_id": 37031511,
        "job_id": 371417,
        "created_at": "2013-03-22T00:00:00Z",
        "source_id": 2,
        "candidate_rejection_reason_id": null,
        "rejection_note_id": 123,
        "rejected_at": "2014-04-22T01:00:00Z",
        "referrer_id": 158104,
        "prospect": false,
        "rejected_by_user_id": 158103
        }
    }
}`;

const applicationUpdated = String.raw`{
  "action": "application_updated",
  "payload": {
    "application": {
      "id": 22202940,
      "rejected_at": null,
      "prospect": false,
      "prospect_detail": {
        "prospect_owner": null,
        "prospect_pool": null,
        "prospect_stage": null
      },
      "status": "active",
      "applied_at": "2015-12-03T06:31:26Z",
      "last_activity_at": "2015-12-03T06:31:26Z",
      "url": "https://app.greenhouse.io/people/13857579?application_id=22202940",
      "source": {
        "id":2,
        "name": "Jobs page on your website"
      },
      "credited_to": {
        "id": 3695,
        "email": "beauregard.blacksmith.3695@example.com",
        "name": "Beauregard Blacksmith",
        "employee_id": "123ABC"
      },
      "rejection_reason": null,
      "rejection_details": null,
      "current_stage": {
        "id": 711020,
        "name": "Application Review",
        "interviews": [
          {
            "id": 1063685,
            "name": "Application Review",
            "status": "collect_feedback",
            "interview_kit": {
              "url": "http://app.greenhouse.io/guides/1063859/people/13857579",
              "content": "",
              "questions":[]
            },
            "interviewers": []
          }
        ]
      },
      "custom_fields": {
        "custom_application_field": {
          "name": "Custom Application Field",
          "type": "short_text",
          "value": "Example"
        }
      },
      "candidate": {
        "id": 13857579,
        "first_name": "Hank",
        "last_name": "Von Diablo",
        "title": null,
        "company": null,
        "created_at": "2015-12-03T06:31:26Z",
        "external_id": null,
        "photo_url": null,
        "url": "https://app.greenhouse.io/people/13857579",
        "is_private": false,
        "can_email": true,
        "phone_numbers": [
          {
            "value": "330-281-8004",
            "type": "other "
          }
        ],
        "email_addresses": [
          {
            "value": "hank.von diablo.13857579@example.com",
            "type": "personal"
          }
        ],
        "addresses": [],
        "website_addresses": [
          {
            "value": "http://www.example.com/",
            "type": "other"
          }
        ],
        "social_media_addresses": [
          {
            "value": "https://twitter.com/TheRock"
          }
        ],
        "educations": [],
        "recruiter":null,
        "coordinator": null,
        "attachments":[],
        "tags":[],
        "custom_fields": {
          "current_salary": {
            "name": "Current Salary",
            "type": "short_text",
            "value": null
          },
          "desired_salary": {
            "name": "Desired Salary",
            "type": "short_text",
            "value":null
          }
        }
      },
      "jobs": []
    }
  }
}`;

const offerCreated = String.raw`{
    "action": "offer_created",
    "payload": {
        "id": 12345,
        "application_id": 234556,
        "job_id": 45678,
        "user_id": 67890,
        "version": 1,
        "sent_on": "2013-03-22",
        "resolved_at": "2013-03-25T00:00:00Z",
        "start_date": "04/15/2013",
        "notes": "Vacation scheduled 4/20 - 4/23",
        "offer_status": "Accepted",
        "custom_fields": {
            "custom_application_field": {
                "name": "Custom Application Field",
                "type": "short_text",
                "value": "Example"
            }
        }
    }
}`;

const offerApproved = String.raw`{
    "action": "offer_approved",
    "payload": {
        "id": 12345,
        "application_id": 234556,
        "job_id": 45678,
        "user_id": 67890,
        "version": 1,
        "sent_on": "2013-03-22",
        "resolved_at": "2013-03-25T00:00:00Z",
        "start_date": "04/15/2013",
        "notes": "Vacation scheduled 4/20 - 4/23",
        "offer_status": "Accepted",
        "custom_fields": {
            "custom_application_field": {
                "name": "Custom Application Field",
                "type": "short_text",
                "value": "Example"
            }
        }
    }
}`;

const offerUpdated = String.raw`{
    "action": "offer_updated",
    "payload": {
        "id": 12345,
        "application_id": 234556,
        "job_id": 45678,
        "user_id": 67890,
        "version": 2,
        "sent_on": "2013-03-22",
        "resolved_at": "2013-03-25T00:00:00Z",
        "start_date": "04/15/2013",
        "notes": "Vacation scheduled 4/20 - 4/23",
        "offer_status": "Deprecated",
        "custom_fields": {
            "custom_application_field": {
                "name": "Custom Application Field",
                "type": "short_text",
                "value": "Example"
            }
        }
    }
}`;

const offerDeleted = String.raw`{
  "action": "offer_deleted",
  "payload": {
    "offer": {
      "id": 506406,
      "application_id": 46194062,
      "offering_user_id": 158104,
      "offer_status": "Created",
      "version": 1,
      "sent_on": "2013-03-22",
      "resolved_at": "2013-03-25T00:00:00Z",
      "notes": "These are notes on the offer.",
      "job_id": 371417
    }
  }
}`;

const prospectCreated = String.raw`{
  "action": "new_prospect_application",
  "payload": {
    "application": {
      "id": 979554,
      "rejected_at": null,
      "prospect": true,
      "status": "active",
      "applied_at": "2014-12-02T23:10:16Z",
      "last_activity_at": "2014-12-02T23:10:16Z",
      "url": "https://app.greenhouse.io/people/968190?application_id=979554",
      "source": {
        "id": 13,
        "public_name": "Referral"
      },
      "credited_to": {
        "id": 2622,
        "email": "carl.buddha.2622@example.com",
        "name": "Carl Buddha",
        "employee_id": "123ABC"
      },
      "rejection_reason": null,
      "rejection_details": null,
      "current_stage": null,
      "custom_fields": {
        "custom_application_field": {
          "name": "Custom Application Field",
          "type": "short_text",
          "value": null
        }
      },
      "candidate": {
        "id": 968190,
        "first_name": "Trisha",
        "last_name": "Troy",
        "title": null,
        "company": null,
        "created_at": "2014-12-02T23:10:16Z",
        "external_id": null,
        "photo_url": null,
        "is_private": false,
        "can_email": true,
        "phone_numbers": [
          {
            "value": "123456",
            "type": "other"
          }
        ],
        "email_addresses": [
          {
            "value": "t.troy@example.com",
            "type": "personal"
          }
        ],
        "addresses": [],
        "website_addresses": [],
        "social_media_addresses": [],
        "educations": [
          {
            "school_name": "Harvard University",
            "degree": "Bachelor's Degree",
            "discipline": "Information Systems",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "employments": [
          {
            "company_name": "Greenhouse",
            "title": "Engineer",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "recruiter": {
          "id": 3128,
          "email": "alicia.flopple.3128@example.com",
          "name": "Alicia Flopple",
          "employee_id": "456DEF"
        },
        "coordinator": null,
        "attachments": [
          {
            "filename": "resume.pdf",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "resume"
          }
        ],
        "tags": [
          "Import from Previous ATS"
        ],
        "custom_fields": {
          "favorite_color": {
            "name": "Favorite Color",
            "type": "short_text",
            "value": "Blue"
          }
        }
      },
      "jobs": [
        {
          "id": 371417,
          "name": "Designer",
          "requisition_id": null,
          "notes": "Digital and print",
          "confidential": false,
          "job_post_id": 54321,
          "status": "open",
          "created_by_id": 273555,
          "created_at": "2013-10-02T22:59:29Z",
          "opened_at": "2015-01-23T00:25:04Z",
          "closed_at": null,
          "departments": [
            {
              "id": 237,
              "name": "Community",
              "external_id": "ex-dept-1"
            }
          ],
          "offices": [
            {
              "id": 54,
              "name": "New York",
              "location": "New York, NY",
              "external_id": "ex-office-1"
            }
          ],
          "custom_fields": {
            "employment_type": {
              "name": "Employment Type",
              "type": "single_select",
              "value": "Full Time"
            }
          }
        }
      ]
    }
  }
}`;

const candidateDeleted = String.raw`{
  "action": "delete_candidate",
  "payload": {
    "person": {
        "id": 37031511,
        "first_name": "Jack",
        "last_name": "Sparrow",
        "company": "Pirate Shipping",
        "title": "Captain",
        "created_at": "2013-03-22T00:00:00Z",
        "headline": "Eager to find a new commission",
        "is_private": false,
        "recruiter_user_id": 123,
        "coordinator_user_id": 456,
        "can_email": false,
        "deleted_application_ids": [
                46196263,
                46196258
            ]
        }
    }
}`;

const candidateHired = String.raw`{
  "action": "hire_candidate",
  "payload": {
    "application": {
      "id": 46194062,
      "opening": {
        "opening_id": "1234-56",
        "custom_fields": []
      },
      "credited_to": {
        "id": 158104,
        "email": "bob_johnson1@localhost.com",
        "name": "Robert Johnson",
        "employee_id": "123ABC"
      },
      "source": {
        "id": 25,
        "public_name": "Monster"
      },
      "url": "https://app.greenhouse.io/people/35897443?application_id=46194062",
      "candidate": {
        "id": 35897443,
        "first_name": "Johnny",
        "last_name": "Smith",
        "title": "Previous Title",
        "external_id": "12345",
        "url": "https://app.greenhouse.io/people/35897443",
        "is_private": false,
        "can_email": true,
        "phone_numbers": [
          {
            "value": "518-555-1212",
            "type": "work"
          },
          {
            "value": "212-555-1212",
            "type": "home"
          }
        ],
        "email_addresses": [
          {
            "value": "personal@example.com",
            "type": "personal"
          },
          {
            "value": "work@example.com",
            "type": "work"
          }
        ],
        "addresses": [
          {
            "value": "455 Broadway New York, NY 10280",
            "type": "home"
          }
        ],
        "educations": [
          {
            "school_name": "Harvard University",
            "degree": "Bachelor's Degree",
            "discipline": "Information Systems",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "employments": [
          {
            "company_name": "Greenhouse",
            "title": "Engineer",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "recruiter": {
          "id": 55,
          "email": "bob_johnson@localhost.com",
          "name": "Bob Johnson",
          "employee_id": "456DEF"
        },
        "coordinator": {
          "id": 56,
          "email": "bob_johnson_approver1@localhost.com",
          "name": "Robert J Approver",
          "employee_id": "789GHI"
        },
        "attachments": [
          {
            "filename": "resume.pdf",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "resume"
          }
        ],
        "custom_fields": {
          "desired_level": {
            "name": "Desired Level",
            "type": "short_text",
            "value": "Senior"
          },
          "favorite_programming_language": {
            "name": "Favorite Programming Language",
            "type": "short_text",
            "value": "Rails"
          }
        }
      },
      "job": {
        "id": 323753,
        "name": "Developer",
        "open_date": "2014-11-20T22:49:14Z",
        "close_date": "2014-11-25T22:49:14Z",
        "requisition_id": null,
        "departments": [
          {
            "id": 7,
            "name": "Technology",
            "external_id": "ex-dept-1"
          }
        ],
        "offices": [
          {
            "id": 13,
            "name": "New York City",
            "location": "New York, NY",
            "external_id": "ex-office-1"
          },
          {
            "id": 14,
            "name": "St. Louis",
            "location": null,
            "external_id": null
          }
        ],
        "custom_fields": {
          "approved": {
            "name": "Approved",
            "type": "boolean",
            "value": true
          },
          "employment_type": {
            "name": "Employment Type",
            "type": "single_select",
            "value": "Full-time"
          },
          "salary_range": {
            "name": "SalaryRange",
            "type": "currency_range",
            "value": {
              "unit": "USD",
              "min_value": "10000.0",
              "max_value": "20000.0"
            }
          }
        }
      },
      "jobs": [
        {
          "id": 323753,
          "name": "Developer",
          "requisition_id": null,
          "confidential": false,
          "opened_at": "2014-11-20T22:49:14Z",
          "closed_at": "2014-11-25T22:49:14Z",
          "departments": [
            {
              "id": 7,
              "name": "Technology",
              "external_id": "ex-dept-1"
            }
          ],
          "offices": [
            {
              "id": 13,
              "name": "New York City",
              "location": "New York, NY",
              "external_id": "ex-office-1"
            },
            {
              "id": 14,
              "name": "St. Louis",
              "location": null,
              "external_id": null
            }
          ],
          "custom_fields": {
            "approved": {
              "name": "Approved",
              "type": "boolean",
              "value": true
            },
            "employment_type": {
              "name": "Employment Type",
              "type": "single_select",
              "value": "Full-time"
            },
            "salary_range": {
              "name": "SalaryRange",
              "type": "currency_range",
              "value": {
                "unit": "USD",
                "min_value": "10000.0",
                "max_value": "20000.0"
              }
            }
          }
        }
      ],
      "custom_fields": {
        "custom_application_field": {
          "name": "Custom Application Field",
          "type": "short_text",
          "value": "Example123"
        }
      },
      "offer": {
        "id": 506409,
        "version": 2,
        "created_at": "2014-11-20T22:49:14Z",
        "sent_at": "2014-11-10",
        "resolved_at": "2014-11-20T22:49:14Z",
        "starts_at": "2015-01-23",
        "custom_fields": {
          "salary": {
            "name": "Salary",
            "type": "currency",
            "value": {
              "amount": 80000,
              "unit": "USD"
            }
          },
          "seasons": {
            "name": "Seasons",
            "type": "multi_select",
            "value": [
              "Season 1",
              "Season 2"
            ]
          }
        }
      }
    }
  }
}`;

const candidateMerged = String.raw`{
  "action": "merge_candidate",
  "payload": {
    "person": {
        "id": 37031511,
        "first_name": "Jack",
        "last_name": "Sparrow",
        "company": "Pirate Shipping",
        "title": "Captain",
        "created_at": "2013-03-22T00:00:00Z",
        "headline": "Eager to find a new commission",
        "is_private": false,
        "recruiter_user_id": 123,
        "coordinator_user_id": 456,
        "can_email": false,
        "new_candidate_id": 457456
    }
  }
}`;

const candidateStageChange = String.raw`{
  "action": "candidate_stage_change",
  "payload": {
    "application": {
      "id": 265277,
      "rejected_at": null,
      "prospect": false,
      "status": "active",
      "applied_at": "2013-03-22T00:00:00Z",
      "last_activity_at": "2015-02-09T16:38:36Z",
      "url": "https://app.greenhouse.io/people/265772?application_id= 265277",
      "source": {
        "id": 31,
        "name": "Agency"
      },
      "credited_to": {
        "id": 15,
        "email": "ada@example.com",
        "name": "Ada Lacey",
        "employee_id": "123ABC"
      },
      "rejection_reason": null,
      "rejection_details": null,
      "current_stage": {
        "id": 71416,
        "name": "Assessment",
        "interviews": [
          {
            "id": 113101,
            "name": "Assessment",
            "status": "to_be_scheduled",
            "interview_kit": {
              "url": "https://app.greenhouse.io/guides/113153/people/265772",
              "content": "Assess their skills",
              "questions": []
            },
            "interviewers": [
              {
                "id": 2622,
                "display_name": "Carl Buddha",
                "status": "tentative"
              }
            ]
          }
        ]
      },
      "custom_fields": {
        "custom_application_field": {
          "name": "Custom Application Field",
          "type": "short_text",
          "value": "Example"
        }
      },
      "candidate": {
        "id": 265772,
        "first_name": "Giuseppe",
        "last_name": "Hurley",
        "title": "Great Person",
        "company": null,
        "created_at": "2013-10-04T01:24:44Z",
        "external_id": "241b399ce4b0fd1c84e5528d",
        "photo_url": null,
        "url": "https://app.greenhouse.io/people/265772",
        "is_private": false,
        "can_email": true,
        "phone_numbers": [
          {
            "value": "330-281-8004",
            "type": "home"
          }
        ],
        "email_addresses": [
          {
            "value": "giuseppe.hurley@example.com",
            "type": "personal"
          }
        ],
        "addresses": [
          {
            "value": "123 Fake St.",
            "type": "home"
          }
        ],
        "website_addresses": [
          {
            "value": "ghurley.example.com",
            "type": "personal"
          }
        ],
        "social_media_addresses": [
          {
            "value": "linkedin.example.com/ghurley"
          }
        ],
        "educations": [
          {
            "school_name": "Harvard University",
            "degree": "Bachelor's Degree",
            "discipline": "Information Systems",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "employments": [
          {
            "company_name": "Greenhouse",
            "title": "Engineer",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "recruiter": {
          "id": 3128,
          "email": "alicia.flopple.3128@example.com",
          "name": "Alicia Flopple",
          "employee_id": "789GHI"
        },
        "coordinator": {
          "id": 3128,
          "email": "alicia.flopple.3128@example.com",
          "name": "Alicia Flopple",
          "employee_id": "789GHI"
        },
        "attachments": [
          {
            "filename": "resume.pdf",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "resume"
          },
          {
            "filename": "cover_letter.pdf",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "cover_letter"
          },
          {
            "filename": "portfolio.pdf",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "attachment"
          }
        ],
        "tags": [
          "Import from Previous ATS"
        ],
        "custom_fields": {
          "favorite_color": {
            "name": "Favorite Color",
            "type": "short_text",
            "value": "Blue"
          }
        }
      },
      "jobs": [
        {
          "id": 3485,
          "name": "Designer",
          "requisition_id": null,
          "notes": "Digital and print",
          "confidential": false,
          "job_post_id": 553282,
          "status": "open",
          "created_at": "2013-10-02T22:59:29Z",
          "opened_at": "2015-01-23T00:25:04Z",
          "closed_at": null,
          "departments": [
            {
              "id": 237,
              "name": "Community",
              "external_id": "ex-dept-1"
            }
          ],
          "offices": [
            {
              "id": 54,
              "name": "New York",
              "location": "New York, NY",
              "external_id": "ex-office-1"
            }
          ],
          "custom_fields": {
            "employment_type": {
              "name": "Employment Type",
              "type": "single_select",
              "value": "Full Time"
            }
          }
        }
      ]
    }
  }
}`;

const candidateUnhired = String.raw`{
  "action": "unhire_candidate",
  "payload": {
    "application": {
      "id": 265293,
      "rejected_at": null,
      "prospect": false,
      "status": "active",
      "applied_at": "2013-03-22T00:00:00Z",
      "last_activity_at": "2015-03-18T20:28:09Z",
      "url": "https://app.greenhouse.io/people/265788?application_id=265293",
      "source": {
        "id": 27,
        "public_name": "LinkedIn"
      },
      "credited_to": null,
      "rejection_reason": null,
      "rejection_details": null,
      "current_stage": {
        "id": 678901,
        "name": "Application Review",
        "interviews": [
          {
            "id": 989099,
            "name":"Application Review",
            "status": "collect_feedback",
            "interview_kit": {
              "url": "http://app.greenhouse.io/guides/67656/people/265788",
              "content": "",
              "questions": []
            },
            "interviewers": []
          }
        ]
      },
      "custom_fields": {
        "custom_application_field": {
          "name": "Custom Application Field",
          "type": "short_text",
          "value": null
        }
      },
      "candidate": {
        "id": 265788,
        "first_name": "Hector",
        "last_name": "Porter",
        "title": null,
        "company": null,
        "created_at": "2013-10-04T01:24:48Z",
        "external_id": null,
        "photo_url": null,
        "url": "https://app.greenhouse.io/people/265788",
        "is_private": false,
        "can_email": true,
        "phone_numbers": [
          {
            "value": "330-281-8004",
            "type": "home"
          }
        ],
        "email_addresses": [
          {
            "value": "hector.porter.265788@example.com",
            "type": "personal"
          }
        ],
        "addresses": [],
        "website_addresses": [],
        "social_media_addresses": [],
        "educations": [
          {
            "school_name": "Harvard University",
            "degree": "Bachelor's Degree",
            "discipline": "Information Systems",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "employments": [
          {
            "company_name": "Greenhouse",
            "title": "Engineer",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "recruiter": null,
        "coordinator": null,
        "attachments": [
          {
            "filename": "resume.pdf",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "resume"
          }
        ],
        "tags": [
          "Import from Previous ATS"
        ],
        "custom_fields": {
          "favorite_color": {
            "name": "Favorite Color",
            "type": "short_text",
            "value": "Blue"
          }
        }
      },
      "jobs": [
        {
          "id": 371417,
          "name": "Designer",
          "requisition_id": null,
          "notes": "Digital and print",
          "confidential": false,
          "job_post_id": 54321,
          "status": "open",
          "created_at": "2013-10-02T22:59:29Z",
          "opened_at": "2015-01-23T00:25:04Z",
          "closed_at": null,
          "departments": [
            {
              "id": 14501,
              "name": "Community",
              "external_id": "ex-dept-1"
            }
          ],
          "offices": [
            {
              "id": 9099,
              "name": "New York",
              "location": "New York, NY",
              "external_id": "ex-office-1"
            }
          ],
          "custom_fields": {
            "employment_type": {
              "name": "Employment Type",
              "type": "single_select",
              "value": "Full Time"
            }
          }
        }
      ]
    }
  }
}`;

const candidateRejected = String.raw`{
  "action": "reject_candidate",
  "payload": {
    "application": {
      "id": 265293,
      "rejected_at": "2015-02-11T15:50:41Z",
      "prospect": false,
      "status": "rejected",
      "applied_at": "2013-03-22T00:00:00Z",
      "last_activity_at": "2015-02-11T15:50:41Z",
      "url": "https://app.greenhouse.io/people/265788?application_id=265293",
      "source": {
        "id": 27,
        "public_name": "LinkedIn"
      },
      "credited_to": null,
      "rejection_reason": {
        "id": 14,
        "name": "Too Junior",
        "type": {
          "id": 3,
          "name": "Wrong skill set"
        }
      },
      "rejection_details": {
        "custom_fields": {
          "custom_rejection_question_field": {
            "name": "Custom Rejection Question Field",
            "type": "short_text",
            "value": "Example"
          }
        }
      },
      "current_stage": {
        "id": 2708728,
        "name": "Offer",
        "interviews": []
      },
      "custom_fields": {
        "custom_application_field": {
          "name": "Custom Application Field",
          "type": "short_text",
          "value": "Example123"
        }
      },
      "candidate": {
        "id": 265788,
        "first_name": "Hector",
        "last_name": "Porter",
        "title": null,
        "company": null,
        "created_at": "2013-10-04T01:24:48Z",
        "external_id": null,
        "photo_url": null,
        "is_private": false,
        "can_email": true,
        "phone_numbers": [
          {
            "value": "330-281-8004",
            "type": "home"
          }
        ],
        "email_addresses": [
          {
            "value": "hector.porter.265788@example.com",
            "type": "personal"
          }
        ],
        "addresses": [],
        "website_addresses": [],
        "social_media_addresses": [],
        "educations": [
          {
            "school_name": "Harvard University",
            "degree": "Bachelor's Degree",
            "discipline": "Information Systems",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "employments": [
          {
            "company_name": "Greenhouse",
            "title": "Engineer",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "recruiter": null,
        "coordinator": null,
        "attachments": [
          {
            "filename": "resume.pdf",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "resume"
          }
        ],
        "tags": [
          "Imported"
        ],
        "custom_fields": {
          "favorite_color": {
            "name": "Favorite Color",
            "type": "short_text",
            "value": "Blue"
          }
        }
      },
      "jobs": [
        {
          "id": 371417,
          "name": "Designer",
          "requisition_id": null,
          "notes": "Digital and print",
          "confidential": false,
          "job_post_id": 54321,
          "status": "open",
          "created_at": "2013-10-02T22:59:29Z",
          "opened_at": "2015-01-23T00:25:04Z",
          "closed_at": null,
          "departments": [
            {
              "id": 237,
              "name": "Community",
              "external_id": "ex-dept-1"
            }
          ],
          "offices": [
            {
              "id": 9099,
              "name": "New York",
              "location": "New York, NY",
              "external_id": "ex-office-1"
            }
          ],
          "custom_fields": {
            "employment_type": {
              "name": "Employment Type",
              "type": "single_select",
              "value": "Full Time"
            }
          }
        }
      ]
    }
  }
}`;

const candidateUnrejected = String.raw`{
  "action": "unreject_candidate",
  "payload": {
    "application": {
      "id": 265293,
      "rejected_at": null,
      "prospect": false,
      "status": "active",
      "applied_at": "2013-03-22T00:00:00Z",
      "last_activity_at": "2015-02-11T15:50:41Z",
      "url": "https://app.greenhouse.io/people/265788?application_id=265293",
      "source": {
        "id": 27,
        "public_name": "LinkedIn"
      },
      "credited_to": null,
      "rejection_reason": null,
      "rejection_details": null,
      "current_stage": {
        "id": 2708728,
        "name": "Offer",
        "interviews": []
      },
      "custom_fields": {
        "custom_application_field": {
          "name": "Custom Application Field",
          "type": "short_text",
          "value": "Example123"
        }
      },
      "candidate": {
        "id": 265788,
        "first_name": "Hector",
        "last_name": "Porter",
        "title": null,
        "company": null,
        "created_at": "2013-10-04T01:24:48Z",
        "external_id": null,
        "photo_url": null,
        "is_private": false,
        "can_email": true,
        "phone_numbers": [
          {
            "value": "330-281-8004",
            "type": "home"
          }
        ],
        "email_addresses": [
          {
            "value": "hector.porter.265788@example.com",
            "type": "personal"
          }
        ],
        "addresses": [],
        "website_addresses": [],
        "social_media_addresses": [],
        "educations": [
          {
            "school_name": "Harvard University",
            "degree": "Bachelor's Degree",
            "discipline": "Information Systems",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "employments": [
          {
            "company_name": "Greenhouse",
            "title": "Engineer",
            "start_date": "01/01/2012",
            "end_date": "01/01/2016"
          }
        ],
        "recruiter": null,
        "coordinator": null,
        "attachments": [
          {
            "filename": "resume.pdf",
            "url": "https://prod-heroku.s3.amazonaws.com/...",
            "type": "resume"
          }
        ],
        "tags": [
          "Imported"
        ],
        "custom_fields": {
          "favorite_color": {
            "name": "Favorite Color",
            "type": "short_text",
            "value": "Blue"
          }
        }
      },
      "jobs": [
        {
          "id": 371417,
          "name": "Designer",
          "requisition_id": null,
          "notes": "Digital and print",
          "confidential": false,
          "job_post_id": 54321,
          "status": "open",
          "created_at": "2013-10-02T22:59:29Z",
          "opened_at": "2015-01-23T00:25:04Z",
          "closed_at": null,
          "departments": [
            {
              "id": 237,
              "name": "Community",
              "external_id": "ex-dept-1"
            }
          ],
          "offices": [
            {
              "id": 9099,
              "name": "New York",
              "location": "New York, NY",
              "external_id": "ex-office-1"
            }
          ],
          "custom_fields": {
            "employment_type": {
              "name": "Employment Type",
              "type": "single_select",
              "value": "Full Time"
            }
          }
        }
      ]
    }
  }
}`;

const candidateUpdated = String.raw`{
  "action": "update_candidate",
  "payload": {
    "candidate": {
      "id": 15696179,
      "first_name": "Ronald",
      "last_name": "Ronnie",
      "title": "Director of Strategic Initiatives",
      "company": "Example",
      "created_at": "2016-08-23T17:51:27Z",
      "external_id": "946aa514658",
      "photo_url": null,
      "url": "https://app.greenhouse.io/people/15696179",
      "phone_numbers": [
        {
          "value": "911",
          "type": "mobile"
        }
      ],
      "email_addresses": [
        {
          "value": "123456email@email.com",
          "type": "work"
        }
      ],
      "addresses": [
        {
          "value": "99-99 5th Ave.\nNew York, NY 101-11",
          "type": "home"
        }
      ],
      "website_addresses": [
        {
          "value": "google.com",
          "type": "personal"
        }
      ],
      "social_media_addresses": [
        {
          "value": "@ronaldronnie99999"
        }
      ],
      "educations": [
        {
          "school_name": "Harvard University",
          "degree": "Bachelor's Degree",
          "discipline": "Information Systems",
          "start_date": "01/01/2012",
          "end_date": "01/01/2016"
        }
      ],
      "employments": [
        {
          "company_name": "Greenhouse",
          "title": "Engineer",
          "start_date": "01/01/2012",
          "end_date": "01/01/2016"
        }
      ],
      "recruiter": {
        "id": 169779,
        "email": "hank.hollandaise.169779@example.com",
        "name": "Hank Hollandaise",
        "employee_id": "123ABC"
      },
      "coordinator": {
        "id": 83637,
        "email": "sterling.kang.83637@example.com",
        "name": "Sterling Kang",
        "employee_id": "456DEF"
      },
      "attachments": [
        {
          "filename": "resumeA.pdf",
          "url": "https://prod-heroku.s3.amazonaws.com/...",
          "type": "resume"
        },
        {
          "filename": "resumeB.pdf",
          "url": "https://prod-heroku.s3.amazonaws.com/...",
          "type": "resume"
        }
      ],
      "tags": [
        "foo",
        "File Import"
      ],
      "custom_fields": {
        "current_salary": {
          "name": "Current Salary",
          "type": "short_text",
          "value": null
        },
        "desired_salary": {
          "name": "Desired Salary",
          "type": "short_text",
          "value": null
        }
      }
    }
  }
}`;

const candidateAnonymized = String.raw`{
  "action": "candidate_anonymized",
  "payload": {
    "candidate_id": 37031511,
    "anonymized_fields": ["full_name", "current_title"]
  }
}`;

const interviewDeleted = String.raw`{
  "action": "interview_deleted",
  "payload": {
    "interview": {
      "id": 31087450
    }
  }
}`;

const scorecardDeleted = String.raw`{
  "action": "scorecard_deleted",
  "payload": {
    "scorecard": {
      "id": 6036088,
      "candidate_id": 29843272,
      "interviewed_at": "2016-12-28T17:00:00.000Z",
      "created_at": "2016-12-28T22:58:03.552Z",
      "updated_at": "2016-12-28T22:58:03.552Z",
      "scorecard_status": "complete"
    }
  }
}`;

const jobCreated = String.raw`{
  "action": "job_created",
  "payload": {
    "job": {
      "id": 371417,
      "name": "Software Engineer",
      "requisition_id": null,
      "notes": "Looking for the best!",
      "confidential": false,
      "job_post_id": 2154,
      "status": "open",
      "created_at": "2016-10-20T18:16:32Z",
      "opened_at": "2016-10-20T18:16:32Z",
      "closed_at": null,
      "departments": [
        {
          "id": 7,
          "name": "Technology",
          "external_id": "ex-dept-1"
        }
      ],
      "offices": [
        {
          "id": 13,
          "name": "New York City",
          "location": "New York, NY",
          "external_id": "ex-office-1"
        },
        {
          "id": 14,
          "name": "St. Louis",
          "location": null,
          "external_id": null
        }
      ],
      "hiring_team": {
        "hiring_managers": [
          {
            "user_id": 1234,
            "employee_id": "abc-123"
          }
        ],
        "sourcers": [],
        "recruiters": [
          {
            "user_id": 2345,
            "employee_id": null
          },
          {
            "user_id": 3456,
            "employee_id": "abc-234"
          }
        ],
        "coordinators": []
      },
      "openings": [
        {
          "id": 1234,
          "opening_id": "abc-1",
          "custom_fields": []
        },
        {
          "id": 1235,
          "opening_id": "abc-2",
          "custom_fields": []
        }
      ],
      "custom_fields": {
        "approved": {
          "name": "Approved",
          "type": "boolean",
          "value": true
        },
        "employment_type": {
          "name": "Employment Type",
          "type": "single_select",
          "value": "Full-time"
        },
        "salary_range": {
          "name": "SalaryRange",
          "type": "currency_range",
          "value": {
            "unit": "USD",
            "min_value": "10000.0",
            "max_value": "20000.0"
          }
        }
      }
    }
  }
}`;

const jobDeleted = String.raw`{
  "action": "job_deleted",
  "payload": {
    "job": {
      "id": 209256,
      "name": "Project Manager"
    }
  }
}`;

const jobUpdated = String.raw`{
  "action": "job_updated",
  "payload": {
    "job": {
      "id": 100445,
      "name": "Assistant Store Manager, NYC",
      "requisition_id": null,
      "notes": "<p>Looking for the best!<\/p>",
      "confidential": false,
      "job_post_id": 88010,
      "status": "open",
      "created_at": "2015-08-11T23:02:09Z",
      "opened_at": "2015-08-11T23:02:09Z",
      "closed_at": null,
      "departments": [
        {
          "id": 74,
          "name": "Guideshops",
          "external_id": "ex-dept-1"
        }
      ],
      "offices": [
        {
          "id": 104,
          "name": "New York",
          "location": "New York, NY",
          "external_id": "ex-office-1"
        }
      ],
      "hiring_team": {
        "hiring_managers": [
          {
            "user_id": 1234,
            "employee_id": "abc-123"
          }
        ],
        "sourcers": [],
        "recruiters": [
          {
            "user_id": 2345,
            "employee_id": null
          },
          {
            "user_id": 3456,
            "employee_id": "abc-234"
          }
        ],
        "coordinators": []
      },
      "openings": [
        {
          "id": 1234,
          "opening_id": "abc-1",
          "custom_fields": []
        },
        {
          "id": 1235,
          "opening_id": "abc-2",
          "custom_fields": []
        }
      ],
      "custom_fields": {
        "bonus": {
          "name": "Bonus",
          "type": "short_text",
          "value": null
        },
        "employment_type": {
          "name": "Employment Type",
          "type": "single_select",
          "value": null
        },
        "options": {
          "name": "Options",
          "type": "short_text",
          "value": null
        },
        "salary": {
          "name": "Salary",
          "type": "short_text",
          "value": null
        }
      }
    }
  }
}`;

const jobApproved = String.raw`{
  "action": "job_approved",
  "payload": {
    "approval_flow": {
      "approval_flow_type": "open_job"
    },
    "job": {
      "id": 100445,
      "name": "Assistant Store Manager, NYC",
      "requisition_id": null,
      "notes": "<p>Looking for the best!<\/p>",
      "confidential": false,
      "job_post_id": 88010,
      "status": "open",
      "created_at": "2015-08-11T23:02:09Z",
      "opened_at": "2015-08-11T23:02:09Z",
      "closed_at": null,
      "departments": [
        {
          "id": 74,
          "name": "Guideshops",
          "external_id": "ex-dept-1"
        }
      ],
      "offices": [
        {
          "id": 104,
          "name": "New York",
          "location": "New York, NY",
          "external_id": "ex-office-1"
        }
      ],
      "hiring_team": {
        "hiring_managers": [
          {
            "user_id": 1234,
            "employee_id": "abc-123"
          }
        ],
        "sourcers": [],
        "recruiters": [
          {
            "user_id": 2345,
            "employee_id": null
          },
          {
            "user_id": 3456,
            "employee_id": "abc-234"
          }
        ],
        "coordinators": []
      },
      "openings": [
        {
          "id": 1234,
          "opening_id": "abc-1",
          "custom_fields": []
        },
        {
          "id": 1235,
          "opening_id": "abc-2",
          "custom_fields": []
        }
      ],
      "custom_fields": {
        "bonus": {
          "name": "Bonus",
          "type": "short_text",
          "value": null
        },
        "employment_type": {
          "name": "Employment Type",
          "type": "single_select",
          "value": null
        },
        "options": {
          "name": "Options",
          "type": "short_text",
          "value": null
        },
        "salary": {
          "name": "Salary",
          "type": "short_text",
          "value": null
        }
      }
    }
  }
}`;

const jobPostCreated = String.raw`{
  "action": "job_post_created",
  "payload": {
    "id": 1815002,
    "title": "A Cool Job",
    "location": "New York, NY",
    "content": "<p>Hey, this is a neat job. You should apply!</p>",
    "internal_content": null,
    "updated_at": "2017-10-12T15:06:32.691Z",
    "job_id": 1842002,
    "external": true,
    "internal": false,
    "live": false,
    "questions": [
      {
        "required": false,
        "private": false,
        "label": "LinkedIn Profile",
        "type": "input_text",
        "values": []
      },
      {
        "required": false,
        "private": false,
        "label": "Website",
        "type": "input_text",
        "values": []
      },
      {
        "required": false,
        "private": false,
        "label": "How did you hear about this job?",
        "type": "input_text",
        "values": []
      }
    ]
  }
}`;

const jobPostUpdated = String.raw`{
  "action": "job_post_updated",
  "payload": {
    "id": 1813002,
    "title": "A Cool Job",
    "location": "At a Cool Place",
    "content": "<p>Come work for us!</p>",
    "internal_content": null,
    "updated_at": "2017-10-12T18:29:08.399Z",
    "job_id": 1842002,
    "external": true,
    "internal": false,
    "live": false,
    "questions": [
      {
        "required": false,
        "private": false,
        "label": "LinkedIn Profile",
        "type": "input_text",
        "values": []
      },
      {
        "required": false,
        "private": false,
        "label": "Website",
        "type": "input_text",
        "values": []
      },
      {
        "required": false,
        "private": false,
        "label": "How did you hear about this job?",
        "type": "input_text",
        "values": []
      }
    ]
  }
}`;

const jobPostDeleted = String.raw`{
  "action": "job_post_deleted",
  "payload": {
    "job_post": {
      "id": 258341,
      "job_id": 284999,
      "title": "Software Engineer",
      "location": "Dallas",
      "content": "<p>A pretty interesting job post!</p>",
      "updated_at": "2017-01-19T20:01:53.146Z",
      "internal_content": null,
      "questions": [
        {
          "required": false,
          "private": false,
          "label": "LinkedIn Profile",
          "type": "input_text",
          "values": []
        },
        {
          "required": false,
          "private": false,
          "label": "Website",
          "type": "input_text",
          "values": []
        },
        {
          "required": false,
          "private": false,
          "label": "How did you hear about this job?",
          "type": "input_text",
          "values": []
        },
        {
          "required": true,
          "private": true,
          "label": "Are you a cool engineer?",
          "type": "multi_value_single_select",
          "values": [
            "Yes",
            "No",
            "As a cucumber"
          ]
        }
      ],
      "external": true,
      "internal": false,
      "live": false
    }
  }
}`;

const jobStageDeleted = String.raw`{
  "action": "job_interview_stage_deleted",
  "payload": {
    "job_interview_stage": {
      "id": 430608,
      "job_id": 60453,
      "created_at": "2015-03-11T13:25:25.313Z",
      "updated_at": "2016-08-16T09:29:33.650Z",
      "name": "Phone Screen",
      "active": true
    }
  }
}`;

const departmentDeleted = String.raw`{
  "action": "department_deleted",
  "payload": {
    "department": {
      "id": 106,
      "name": "Creative",
      "child_ids": [
        23328
      ],
      "parent_id": 5,
      "external_id": "ex-office-1"
    }
  }
}`;

const officeDeleted = String.raw`{
  "action": "office_deleted",
  "payload": {
    "office": {
      "id": 16492,
      "name": "New York",
      "location": {
        "name": "New York, NY"
      },
      "child_ids": [
        123,
        456
      ],
      "parent_id": 789,
      "external_id": "ex-dep-1"
    }
  }
}`;

/**
 * Not in Greenhouse's document, which says only that saving a web hook pings its URL "with a
 * payload containing some configuration settings for the web hook". The `ping` action and
 * these setting names are an assumption (see the notes); the values are ours.
 */
const ping = String.raw`{"action":"ping","payload":{"web_hook_id":4242,"name":"n8n","endpoint_url":"https:\/\/n8n.example.com\/webhook\/greenhouse","content-type":"application\/json","active":true,"event":"Candidate has been hired","created_at":"2026-12-01T09:00:00Z","updated_at":"2026-12-01T09:00:00Z"}}`;

/**
 * Greenhouse's job post update example as it arrives on the wire: compact, HTML escaped as
 * `\u003c…\u003e` ("we use the string exactly as it appears in the body, including the escaped
 * unicode"), non-ASCII text as UTF-8. The signature covers these bytes, not a re-serialisation
 * (which would write `<p>`). Built from the documented example; the text is ours.
 */
export const greenhouseEscapedBody = String.raw`{"action":"job_post_updated","payload":{"id":1813002,"title":"A Cool Job","location":"Zoë's Café, Zürich","content":"\u003cp\u003eCome work for us! Café \u0026 Zoë 日本 🚀\u003c/p\u003e","internal_content":null,"updated_at":"2017-10-12T18:29:08.399Z","job_id":1842002,"external":true,"internal":false,"live":true,"questions":[]}}`;

export const greenhouseSamples: VendorSample[] = [
	{
		eventType: 'new_candidate_application',
		title: 'Application created',
		body: doc(applicationCreated),
	},
	{ eventType: 'delete_application', title: 'Application deleted', body: doc(applicationDeleted) },
	{ eventType: 'application_updated', title: 'Application updated', body: doc(applicationUpdated) },
	{ eventType: 'offer_created', title: 'Offer created', body: doc(offerCreated) },
	{ eventType: 'offer_approved', title: 'Offer approved', body: doc(offerApproved) },
	{ eventType: 'offer_updated', title: 'Offer updated', body: doc(offerUpdated) },
	{ eventType: 'offer_deleted', title: 'Offer deleted', body: doc(offerDeleted) },
	{ eventType: 'new_prospect_application', title: 'Prospect created', body: doc(prospectCreated) },
	{ eventType: 'delete_candidate', title: 'Candidate deleted', body: doc(candidateDeleted) },
	{ eventType: 'hire_candidate', title: 'Candidate hired', body: doc(candidateHired) },
	{ eventType: 'merge_candidate', title: 'Candidate merged', body: doc(candidateMerged) },
	{
		eventType: 'candidate_stage_change',
		title: 'Candidate stage change',
		body: doc(candidateStageChange),
	},
	{ eventType: 'unhire_candidate', title: 'Candidate unhired', body: doc(candidateUnhired) },
	{
		eventType: 'reject_candidate',
		title: 'Candidate/Prospect rejected',
		body: doc(candidateRejected),
	},
	{
		eventType: 'unreject_candidate',
		title: 'Candidate/Prospect unrejected',
		body: doc(candidateUnrejected),
	},
	{
		eventType: 'update_candidate',
		title: 'Candidate/Prospect updated',
		body: doc(candidateUpdated),
	},
	{
		eventType: 'candidate_anonymized',
		title: 'Candidate anonymized',
		body: doc(candidateAnonymized),
	},
	{ eventType: 'interview_deleted', title: 'Interview deleted', body: doc(interviewDeleted) },
	{ eventType: 'scorecard_deleted', title: 'Scorecard deleted', body: doc(scorecardDeleted) },
	{ eventType: 'job_created', title: 'Job created', body: doc(jobCreated) },
	{ eventType: 'job_deleted', title: 'Job deleted', body: doc(jobDeleted) },
	{ eventType: 'job_updated', title: 'Job updated', body: doc(jobUpdated) },
	{ eventType: 'job_approved', title: 'Job Approved', body: doc(jobApproved) },
	{ eventType: 'job_post_created', title: 'Job Post created', body: doc(jobPostCreated) },
	{ eventType: 'job_post_updated', title: 'Job Post updated', body: doc(jobPostUpdated) },
	{
		eventType: 'job_post_updated',
		title: 'Job Post updated, as sent (HTML escaped as \\u003c…, UTF-8 text)',
		body: doc(greenhouseEscapedBody),
	},
	{ eventType: 'job_post_deleted', title: 'Job Post deleted', body: doc(jobPostDeleted) },
	{
		eventType: 'job_interview_stage_deleted',
		title: 'Job Stage deleted',
		body: doc(jobStageDeleted),
	},
	{ eventType: 'department_deleted', title: 'Department deleted', body: doc(departmentDeleted) },
	{ eventType: 'office_deleted', title: 'Office deleted', body: doc(officeDeleted) },
	{
		eventType: 'ping',
		title: 'Ping when a web hook is saved (not in the document)',
		body: doc(ping),
	},
];
